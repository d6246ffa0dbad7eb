package org.tillwatch.simulator;

import java.util.List;

/** The goods a simulated store sells: a fixed list, like a small store's top sellers. */
final class Catalog {

    /** One article. {@code weighed} goods are sold by the kilogram ({@code unit=kg}). */
    record Product(int sku, String name, long priceCents, int dept, boolean weighed) {
        /** The promo price: 20% off, which earns no points. */
        long promoCents() {
            return Math.round(priceCents * 0.8);
        }
    }

    /** The carrier bag the cashier adds after subtotal: no barcode, a name without spaces. */
    static final Product BAG = new Product(9000001, "Пакет-майка", 799, 99, false);

    static final List<Product> PRODUCTS = List.of(
            new Product(1000000, "Молоко 3,2% 930мл", 8999, 12, false),
            new Product(1001111, "Хлеб Бородинский 400г", 5490, 3, false),
            new Product(1002222, "Сыр Российский 200г", 19998, 14, false),
            new Product(1003333, "Бананы 1кг", 11900, 20, false),
            new Product(1004444, "Яйцо С1 10шт", 10990, 12, false),
            new Product(1005555, "Гречка ядрица 900г", 9450, 5, false),
            new Product(1006666, "Кофе молотый 250г", 38900, 7, false),
            new Product(1007777, "Вода питьевая 1,5л", 3999, 8, false),
            new Product(1008888, "Куриное филе 1кг", 45900, 16, false),
            new Product(1009999, "Масло сливочное 82,5% 180г", 22999, 12, false),
            new Product(1011110, "Шоколад молочный 90г", 7990, 9, false),
            new Product(1012221, "Сок яблочный 1л", 12900, 8, false),
            new Product(1013332, "Картофель 1кг", 4490, 20, false),
            new Product(1014443, "Пельмени 800г", 34900, 17, false),
            new Product(1015554, "Чай чёрный 100 пак", 27900, 7, false),
            new Product(1016665, "Йогурт питьевой 290г", 5990, 12, false),
            new Product(1017776, "Макароны 450г", 6990, 5, false),
            new Product(1018887, "Сметана 20% 300г", 9990, 12, false),
            new Product(1019998, "Колбаса докторская 400г", 28900, 16, false),
            new Product(1021109, "Яблоки Гала 1кг", 14990, 20, false),
            new Product(1022220, "Кефир 1% 900г", 7490, 12, false),
            new Product(1023331, "Творог 5% 200г", 10990, 12, false),
            new Product(1024442, "Сахар-песок 1кг", 8490, 5, false),
            new Product(1025553, "Масло подсолнечное 1л", 13990, 5, false),
            new Product(1026664, "Рис круглозёрный 900г", 11490, 5, false),
            new Product(1027775, "Печенье «Юбилейное» 112г", 5990, 9, false),
            new Product(1028886, "Конфеты \"Мишка косолапый\" 200г", 32900, 9, false),
            new Product(1029997, "Сок \"Добрый\" апельсин 1л", 13490, 8, false),
            new Product(1031108, "Пиво светлое 0,45л", 8990, 8, false),
            new Product(1032219, "Сельдь филе 250г", 17990, 16, false),
            new Product(1033320, "Огурцы гладкие", 19990, 20, true),
            new Product(1034431, "Помидоры розовые", 29990, 20, true),
            new Product(1035542, "Морковь мытая", 5990, 20, true),
            new Product(1036653, "Лук репчатый", 3990, 20, true),
            new Product(1037764, "Апельсины", 15990, 20, true),
            new Product(1038875, "Свинина шейка охл.", 54990, 16, true),
            new Product(1039986, "Зубная паста 100мл", 15990, 30, false),
            new Product(1041097, "Туалетная бумага 4 рул.", 18990, 30, false),
            new Product(1042208, "Корм для кошек 85г", 3490, 31, false),
            new Product(1043319, "Батон нарезной 400г", 4990, 3, false));

    private Catalog() {
    }
}
