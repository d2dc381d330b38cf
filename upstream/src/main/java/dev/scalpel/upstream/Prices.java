package dev.scalpel.upstream;

/**
 * What a tier costs, in US dollars per million input (prompt) and output (completion) tokens, as
 * providers publish them. A local server is priced at zero.
 */
public record Prices(double inputPerMillion, double outputPerMillion) {
  /** Free: a self-hosted model, or a tier whose cost is not tracked. */
  public static final Prices FREE = new Prices(0, 0);

  public Prices {
    if (!Double.isFinite(inputPerMillion) || inputPerMillion < 0) {
      throw new IllegalArgumentException(
          "input price: expected a finite number of USD per million tokens >= 0, found "
              + inputPerMillion);
    }
    if (!Double.isFinite(outputPerMillion) || outputPerMillion < 0) {
      throw new IllegalArgumentException(
          "output price: expected a finite number of USD per million tokens >= 0, found "
              + outputPerMillion);
    }
  }

  /** The cost in USD of a call that used these many input and output tokens. */
  public double cost(long inputTokens, long outputTokens) {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts: expected >= 0, found input "
              + inputTokens
              + " and output "
              + outputTokens);
    }
    return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
  }

  /** The cost in USD of {@code usage}. */
  public double cost(Usage usage) {
    return cost(usage.promptTokens(), usage.completionTokens());
  }
}
