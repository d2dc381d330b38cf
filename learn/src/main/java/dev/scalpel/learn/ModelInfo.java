package dev.scalpel.learn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.scalpel.embed.EncoderIdentity;
import dev.scalpel.learn.eval.EvalMetrics;
import dev.scalpel.learn.features.FeatureConfig;
import dev.scalpel.learn.select.OperatingPoints;
import java.util.List;
import java.util.Optional;

/**
 * Everything a model file says about its model besides the weights: classes (in head order), the
 * out-of-scope label, features, encoder identity ({@code null} when the model uses no embeddings),
 * calibration temperature, operating points, validation metrics and provenance.
 */
public record ModelInfo(
    List<String> classes,
    String oosLabel,
    FeatureConfig features,
    EncoderIdentity encoder,
    double temperature,
    OperatingPoints thresholds,
    EvalMetrics validation,
    Provenance provenance) {

  public ModelInfo {
    classes = List.copyOf(classes);
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one class");
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, found " + temperature);
    }
    if (features.useEmbeddings() != (encoder != null)) {
      throw new IllegalArgumentException(
          "an encoder identity is required exactly when embeddings are used");
    }
  }

  @JsonIgnore
  public Optional<EncoderIdentity> encoderIdentity() {
    return Optional.ofNullable(encoder);
  }

  /** Index of the trained out-of-scope class, or -1. */
  @JsonIgnore
  public int oosClass() {
    return classes.indexOf(oosLabel);
  }

  /** The in-scope labels the model can answer with. */
  @JsonIgnore
  public List<String> intents() {
    return classes.stream().filter(c -> !c.equals(oosLabel)).toList();
  }

  public ModelInfo withThresholds(OperatingPoints points) {
    return new ModelInfo(
        classes, oosLabel, features, encoder, temperature, points, validation, provenance);
  }
}
