package dev.scalpel.learn.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
  private static final List<String> TEXTS =
      List.of("red red blue", "blue", "green bike", "red bike");

  @Test
  void wordFeaturesAreSublinearTfIdfScaledToTheNgramWeight() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 2.0, 1.0, false);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 0);

    SparseVector x = featurizer.features("Red red blue", null);

    // blue: tf 1, in 2 of 4 texts; red: tf 2, in 2 of 4 texts (same idf).
    double idf = Math.log(5.0 / 3) + 1;
    double blue = idf;
    double red = (1 + Math.log(2)) * idf;
    double norm = Math.hypot(blue, red);
    assertThat(x.indices())
        .containsExactly(vocabulary.indexOf("w:blue"), vocabulary.indexOf("w:red"));
    assertThat(x.values()[0]).isCloseTo((float) (2.0 * blue / norm), within(1e-6f));
    assertThat(x.values()[1]).isCloseTo((float) (2.0 * red / norm), within(1e-6f));
    assertThat(featurizer.dimension()).isEqualTo(vocabulary.size());
  }

  @Test
  void eachNgramKindGetsAnEqualShareOfTheNgramWeight() {
    FeatureConfig config = new FeatureConfig(2, 3, 5, 1, 1.5, 1.0, false);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 0);

    SparseVector x = featurizer.features("red bike, blue bike", null);

    double word = 0;
    double chars = 0;
    for (int k = 0; k < x.size(); k++) {
      double square = (double) x.values()[k] * x.values()[k];
      if (vocabulary.term(x.indices()[k]).startsWith("w:")) {
        word += square;
      } else {
        chars += square;
      }
    }
    // Both kinds have unit length times weight / sqrt(2): together the n-gram block has the
    // n-gram weight as its length.
    assertThat(Math.sqrt(word)).isCloseTo(1.5 / Math.sqrt(2), within(1e-5));
    assertThat(Math.sqrt(chars)).isCloseTo(1.5 / Math.sqrt(2), within(1e-5));
    assertThat(x.indices()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void unknownTermsAreIgnored() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 1.0, 1.0, false);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 0);

    assertThat(featurizer.features("purple unicorn", null).size()).isZero();
    SparseVector x = featurizer.features("purple bike", null);
    assertThat(x.indices()).containsExactly(vocabulary.indexOf("w:bike"));
    assertThat(x.values()[0]).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void embeddingIsAppendedAfterTheVocabularyScaledByItsWeight() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 1.0, 0.5, true);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 3);
    int v = vocabulary.size();

    SparseVector x = featurizer.features("blue", new float[] {0.6f, 0f, -0.8f});

    assertThat(featurizer.dimension()).isEqualTo(v + 3);
    assertThat(featurizer.embeddingDimension()).isEqualTo(3);
    assertThat(x.indices()).containsExactly(vocabulary.indexOf("w:blue"), v, v + 1, v + 2);
    assertThat(x.values()).containsExactly(new float[] {1f, 0.3f, 0f, -0.4f}, within(1e-6f));
  }

  @Test
  void textWithoutKnownTermsStillCarriesItsEmbedding() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 1.0, 1.0, true);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 2);

    SparseVector x = featurizer.features("???", new float[] {1f, 0f});

    assertThat(x.indices()).containsExactly(vocabulary.size(), vocabulary.size() + 1);
    assertThat(x.values()).containsExactly(1f, 0f);
  }

  @Test
  void rejectsAnEmbeddingOfAnotherDimension() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 1.0, 1.0, true);
    Featurizer featurizer =
        new Featurizer(config, Vocabulary.build(TEXTS, new NgramExtractor(config), 1), 4);

    assertThatThrownBy(() -> featurizer.features("blue", new float[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an embedding of dimension 4, found 3");
    assertThatThrownBy(() -> featurizer.features("blue", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an embedding of dimension 4, found none");
  }

  @Test
  void configWithoutEmbeddingsIgnoresTheEncoderDimensionAndEmbedding() {
    FeatureConfig config = new FeatureConfig(1, 3, 0, 1, 1.0, 1.0, false);
    Vocabulary vocabulary = Vocabulary.build(TEXTS, new NgramExtractor(config), 1);
    Featurizer featurizer = new Featurizer(config, vocabulary, 384);

    SparseVector x = featurizer.features("blue", new float[] {1f, 2f});

    assertThat(featurizer.dimension()).isEqualTo(vocabulary.size());
    assertThat(featurizer.embeddingDimension()).isZero();
    assertThat(x.indices()).containsExactly(vocabulary.indexOf("w:blue"));
  }
}
