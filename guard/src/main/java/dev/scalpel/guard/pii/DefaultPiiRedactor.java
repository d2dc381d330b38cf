package dev.scalpel.guard.pii;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs one detector per enabled type over a text, then settles overlaps. */
final class DefaultPiiRedactor implements PiiRedactor {
  private final Set<PiiType> types;
  private final List<Detector> detectors;

  private DefaultPiiRedactor(Set<PiiType> types, List<Detector> detectors) {
    this.types = types;
    this.detectors = detectors;
  }

  static PiiRedactor create(Set<PiiType> types, List<String> phoneRegions) {
    Set<PiiType> enabled = types.isEmpty() ? EnumSet.noneOf(PiiType.class) : EnumSet.copyOf(types);
    List<Detector> detectors = new ArrayList<>();
    for (PiiType type : enabled) {
      detectors.add(
          switch (type) {
            case EMAIL -> new EmailDetector();
            case PHONE -> PhoneDetector.create(phoneRegions);
            case CREDIT_CARD -> new CardDetector();
            case IBAN -> new IbanDetector();
            case US_SSN -> new SsnDetector();
            case IP_ADDRESS -> new IpAddressDetector();
            case SECRET -> new SecretDetector();
          });
    }
    return new DefaultPiiRedactor(Set.copyOf(enabled), List.copyOf(detectors));
  }

  @Override
  public Set<PiiType> types() {
    return types;
  }

  @Override
  public List<PiiEntity> detect(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<PiiEntity> matches = new ArrayList<>();
    for (Detector detector : detectors) {
      detector.find(text, matches);
    }
    return Overlaps.resolve(matches);
  }

  @Override
  public PiiSession newSession() {
    return new DefaultPiiSession(this);
  }
}
