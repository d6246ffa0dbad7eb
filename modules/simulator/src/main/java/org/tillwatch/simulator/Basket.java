package org.tillwatch.simulator;

import java.util.ArrayList;
import java.util.List;

/** The lines of one receipt, in the order they were added; removed lines stay, marked void. */
final class Basket {

    /** A basket line. {@code quantity} is pieces, or grams when {@code weighed}. */
    static final class Line {
        final int pos;
        final Catalog.Product product;
        final long priceCents;
        final int quantity;
        final boolean weighed;
        final boolean promo;
        final long amountCents;
        boolean removed;

        Line(int pos, Catalog.Product product, long priceCents, int quantity, boolean weighed, boolean promo) {
            this.pos = pos;
            this.product = product;
            this.priceCents = priceCents;
            this.quantity = quantity;
            this.weighed = weighed;
            this.promo = promo;
            this.amountCents = weighed ? Math.round(priceCents * quantity / 1000.0) : priceCents * quantity;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    Line add(Catalog.Product product, int quantity, boolean promo) {
        long price = promo ? product.promoCents() : product.priceCents();
        Line line = new Line(lines.size() + 1, product, price, quantity, product.weighed(), promo);
        lines.add(line);
        return line;
    }

    List<Line> lines() {
        return lines;
    }

    int size() {
        return lines.size();
    }

    /** Lines in the final basket. */
    int positions() {
        int n = 0;
        for (Line l : lines) {
            n += l.removed ? 0 : 1;
        }
        return n;
    }

    int promoPositions() {
        int n = 0;
        for (Line l : lines) {
            n += !l.removed && l.promo ? 1 : 0;
        }
        return n;
    }

    long totalCents() {
        long t = 0;
        for (Line l : lines) {
            t += l.removed ? 0 : l.amountCents;
        }
        return t;
    }

    /** Points for the basket: a percentage of each non-promo line, rounded half up per line; bags earn none. */
    long accrualCents(int percent) {
        long a = 0;
        for (Line l : lines) {
            if (!l.removed && !l.promo && l.product != Catalog.BAG) {
                a += (l.amountCents * percent + 50) / 100;
            }
        }
        return a;
    }
}
