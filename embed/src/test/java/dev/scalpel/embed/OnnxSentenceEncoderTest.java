package dev.scalpel.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalpel.core.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built-in encoder (bge-small-en-v1.5, int8), loaded from the classpath and run for real. */
class OnnxSentenceEncoderTest {
  private static SentenceEncoder encoder;

  /** Forty intent-like texts of varied lengths: more than one batch of 32, sorted differently. */
  private static final List<String> TEXTS =
      List.of(
          "hi",
          "reset my password",
          "I forgot my password and cannot log in to my account anymore",
          "what's the weather tomorrow",
          "book a table for two at an Italian restaurant tonight at eight",
          "cancel my subscription",
          "how much is shipping to Canada",
          "play some jazz",
          "set an alarm for 6 am",
          "translate good morning into Japanese",
          "where is my package? it was supposed to arrive three days ago",
          "tell me a joke",
          "what is the capital of Australia",
          "turn off the living room lights",
          "I want a refund for the broken headphones I bought last week",
          "schedule a meeting with Anna on Friday",
          "how many calories are in a banana",
          "change my delivery address",
          "thanks!",
          "is the pharmacy open on Sundays",
          "convert 100 dollars to euros",
          "remind me to call mom when I get home",
          "what time does the train to Lyon leave",
          "order a large pepperoni pizza",
          "my card was charged twice for the same order, please fix it",
          "who won the football match yesterday",
          "update the app",
          "what's my account balance",
          "find a hotel near the airport with free parking and breakfast included",
          "how do I return an item",
          "read my latest email",
          "what is 17 times 23",
          "bye",
          "recommend a good science fiction novel",
          "how long does it take to boil an egg",
          "unlock the front door",
          "report a lost credit card",
          "what's on my calendar today",
          "apply a discount code to my cart",
          "can you speak French");

  @BeforeAll
  static void openEncoder() {
    encoder = Encoders.open(EncoderSpec.DEFAULT);
  }

  @AfterAll
  static void closeEncoder() {
    encoder.close();
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static String sha256OfResource(String name) throws IOException, NoSuchAlgorithmException {
    try (InputStream in = Encoders.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }

  @Test
  void identityNamesTheBuiltinModelAndHashesItsWeights() throws Exception {
    EncoderIdentity identity = encoder.identity();

    assertThat(identity.name()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(identity.dimension()).isEqualTo(384);
    assertThat(identity.pooling()).isEqualTo(Pooling.CLS);
    assertThat(identity.sha256()).isEqualTo(sha256OfResource("/bge-small-en-v1.5-q.onnx"));
  }

  @Test
  void vectorsHave384DimensionsAndUnitLength() {
    List<String> texts = new ArrayList<>(TEXTS);
    texts.add("");
    texts.add("caf\u00e9 \u00fcber \u4E2D\u6587 \uD83D\uDE00");
    texts.add("word ".repeat(1_000)); // beyond the 256-token limit: truncated, not refused

    float[][] vectors = encoder.embed(texts);

    assertThat(vectors).hasNumberOfRows(texts.size());
    for (int i = 0; i < vectors.length; i++) {
      assertThat(vectors[i]).as("vector %d", i).hasSize(384);
      assertThat(Math.sqrt(dot(vectors[i], vectors[i])))
          .as("norm %d", i)
          .isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void sameInputGivesTheSameVectors() {
    float[] first = encoder.embed("where is my package");
    float[] second = encoder.embed("where is my package");
    float[][] firstBatch = encoder.embed(TEXTS);
    float[][] secondBatch = encoder.embed(TEXTS);

    assertThat(second).containsExactly(first);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(secondBatch[i]).as(TEXTS.get(i)).containsExactly(firstBatch[i]);
    }
  }

  @Test
  void repeatedTextInABatchGetsItsSingleTextVector() {
    String text = "how do I return an item";
    float[] single = encoder.embed(text);

    float[][] batch = encoder.embed(List.of(text, text, text));

    for (float[] vector : batch) {
      assertThat(vector).containsExactly(single, within(1e-6f));
    }
  }

  @Test
  void aTextsVectorDoesNotDependOnTheOtherTextsEmbeddedWithIt() {
    float[][] many = encoder.embed(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      // int8 models quantize activations per run; one text per run keeps vectors batch-independent.
      assertThat(many[i]).as(TEXTS.get(i)).containsExactly(encoder.embed(TEXTS.get(i)));
    }
    float[][] reversed = encoder.embed(TEXTS.reversed());
    assertThat(reversed[0]).containsExactly(many[TEXTS.size() - 1]);
  }

  @Test
  void paraphrasesAreCloserThanUnrelatedSentences() {
    float[][] v =
        encoder.embed(
            List.of(
                "how do I reset my password",
                "I forgot my password and need to change it",
                "what is the weather like in Paris tomorrow",
                "book a table for two tonight",
                "reserve a restaurant for this evening"));

    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[2]) + 0.3);
    assertThat(dot(v[0], v[1])).isGreaterThan(dot(v[0], v[3]) + 0.2);
    assertThat(dot(v[3], v[4])).isGreaterThan(dot(v[3], v[0]) + 0.2);
    assertThat(dot(v[3], v[4])).isGreaterThan(dot(v[3], v[2]) + 0.1);
  }

  @Test
  void progressCountsEveryTextOnce() {
    List<String> events = new ArrayList<>();
    long[] advanced = {0};
    Progress recording =
        new Progress() {
          @Override
          public void start(String task, long total) {
            events.add("start " + task + " " + total);
          }

          @Override
          public void advance(long done) {
            advanced[0] += done;
          }

          @Override
          public void finish() {
            events.add("finish");
          }
        };

    float[][] vectors = encoder.embed(TEXTS, recording);

    assertThat(vectors).hasNumberOfRows(40);
    assertThat(events).containsExactly("start embedding with bge-small-en-v1.5-q 40", "finish");
    assertThat(advanced[0]).isEqualTo(40);
  }

  @Test
  void emptyListGivesNoVectors() {
    assertThat(encoder.embed(List.of())).isEmpty();
  }
}
