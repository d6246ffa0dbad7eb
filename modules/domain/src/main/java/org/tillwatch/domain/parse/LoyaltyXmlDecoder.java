package org.tillwatch.domain.parse;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.tillwatch.domain.model.Bonus;
import org.tillwatch.domain.model.LineAccrual;
import org.tillwatch.domain.model.Operation;
import org.tillwatch.domain.model.RawEntry;
import org.tillwatch.domain.parse.ReferenceDialect.Malformed;

/** Reads the loyalty XML exchange ({@code XMLRequest} / {@code XMLResponse}) into events. */
final class LoyaltyXmlDecoder {

    LogEvent.LoyaltyRequestSent request(String payload, LocalDateTime time, RawEntry raw) throws Malformed {
        XmlElement root = parse(payload);
        if (!root.name.equals("XMLRequest")) throw new Malformed("loyalty request root is <" + root.name + ">");
        XmlElement op = operationElement(root, "Request");
        Operation operation = Operation.fromRequestElement(op.name)
                .orElseThrow(() -> new Malformed("unknown loyalty operation <" + op.name + ">"));
        String operationId = op.childText("OperationID");
        if (operationId == null || operationId.isEmpty()) throw new Malformed("loyalty request without OperationID");
        XmlElement identifier = op.child("Identifier");
        XmlElement redeem = op.child("Redeem");
        BigDecimal redeemAmount = redeem == null || redeem.attribute("Amount") == null ? null
                : ReferenceDialect.decimal(redeem.attribute("Amount"), "Redeem Amount");
        return new LogEvent.LoyaltyRequestSent(time, raw, operation, operationId, op.childText("PurchaseID"),
                identifier == null ? null : identifier.attribute("Value"), redeemAmount);
    }

    LogEvent.LoyaltyResponse response(String payload, long latency, LocalDateTime time, RawEntry raw) throws Malformed {
        XmlElement root = parse(payload);
        if (!root.name.equals("XMLResponse")) throw new Malformed("loyalty response root is <" + root.name + ">");
        String outer = root.childText("ErrorCode");
        XmlElement op = null;
        for (XmlElement c : root.children) {
            if (c.name.endsWith("Response")) op = c;
        }
        String inner = op == null ? null : op.childText("ErrorCode");
        String code = inner != null && !inner.isEmpty() ? inner : outer;
        if (code == null || code.isEmpty()) throw new Malformed("loyalty response without ErrorCode");
        int errorCode = ReferenceDialect.integer(code, "ErrorCode");
        String operationId = op == null ? null : op.childText("OperationID");
        Bonus bonus = null;
        List<LineAccrual> lines = List.of();
        String cashierMessage = null;
        if (op != null) {
            XmlElement b = op.child("Bonus");
            if (b != null) {
                bonus = new Bonus(optionalDecimal(b, "Accrued"), optionalDecimal(b, "Redeemed"), optionalDecimal(b, "Balance"));
            }
            for (XmlElement c : op.children) {
                if (c.name.equals("ChequeLine")) {
                    if (lines.isEmpty()) lines = new ArrayList<>();
                    String posId = c.attribute("PosID");
                    if (posId == null) throw new Malformed("ChequeLine without PosID");
                    lines.add(new LineAccrual(ReferenceDialect.integer(posId, "PosID"), optionalDecimal(c, "Accrued"), c.attribute("Reason")));
                }
            }
            cashierMessage = op.childText("CashierMessage");
        }
        return new LogEvent.LoyaltyResponse(time, raw, latency, operationId == null || operationId.isEmpty() ? null : operationId,
                errorCode, root.childText("Message"), bonus, lines, cashierMessage);
    }

    private static XmlElement operationElement(XmlElement root, String suffix) throws Malformed {
        for (XmlElement c : root.children) {
            if (c.name.endsWith(suffix)) return c;
        }
        throw new Malformed("loyalty " + suffix.toLowerCase() + " without an operation element");
    }

    private static BigDecimal optionalDecimal(XmlElement e, String attribute) throws Malformed {
        String v = e.attribute(attribute);
        return v == null ? null : ReferenceDialect.decimal(v, attribute);
    }

    private static XmlElement parse(String payload) throws Malformed {
        try {
            return XmlReader.parse(payload);
        } catch (XmlReader.NotWellFormed e) {
            throw new Malformed("loyalty XML not well-formed: " + e.getMessage());
        }
    }
}
