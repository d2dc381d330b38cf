package dev.scalpel.guard.pii;

/**
 * The number ranges (IIN prefixes) and lengths of the major card networks: Visa, Mastercard,
 * American Express, Discover, Diners Club, JCB, UnionPay, Maestro and Mir. A Luhn-valid number
 * outside them (an order number starting with 1, 7, 8 or 9, say) is not taken for a card.
 */
final class CardBrands {
  // {lowest prefix, highest prefix, digits in the prefix, shortest length, longest length}
  private static final int[][] RANGES = {
    {4, 4, 1, 13, 19}, // Visa
    {51, 55, 2, 16, 16}, // Mastercard
    {2221, 2720, 4, 16, 16}, // Mastercard 2-series
    {34, 34, 2, 15, 15}, // American Express
    {37, 37, 2, 15, 15},
    {6011, 6011, 4, 16, 19}, // Discover
    {644, 649, 3, 16, 19},
    {65, 65, 2, 16, 19},
    {300, 305, 3, 14, 19}, // Diners Club
    {36, 36, 2, 14, 19},
    {38, 39, 2, 14, 19},
    {3095, 3095, 4, 14, 19},
    {3528, 3589, 4, 16, 19}, // JCB
    {62, 62, 2, 16, 19}, // UnionPay
    {50, 50, 2, 13, 19}, // Maestro
    {56, 69, 2, 13, 19},
    {2200, 2204, 4, 16, 19}, // Mir
  };

  private CardBrands() {}

  static boolean plausible(String digits) {
    for (int[] range : RANGES) {
      if (digits.length() < range[3] || digits.length() > range[4]) {
        continue;
      }
      int prefix = Integer.parseInt(digits, 0, range[2], 10);
      if (prefix >= range[0] && prefix <= range[1]) {
        return true;
      }
    }
    return false;
  }
}
