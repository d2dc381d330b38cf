package dev.scalpel.flywheel.simulate;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.core.data.Example;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Splits the training data into what the starting model knows and the traffic it will meet: a
 * random {@code fraction} of the intents (at least one) with all their examples, plus every
 * out-of-scope example, start; the examples of the other intents, shuffled, arrive as traffic.
 */
record KnownIntents(List<String> known, Dataset starting, List<Example> traffic) {
  KnownIntents {
    known = List.copyOf(known);
    traffic = List.copyOf(traffic);
  }

  static KnownIntents split(Dataset train, double fraction, long seed) {
    Random random = new Random(seed);
    List<String> intents = new ArrayList<>(train.intentLabels());
    Collections.shuffle(intents, random);
    int count = Math.max(1, (int) Math.round(fraction * intents.size()));
    Set<String> known = new HashSet<>(intents.subList(0, Math.min(count, intents.size())));
    List<Example> starting = new ArrayList<>();
    List<Example> traffic = new ArrayList<>();
    for (Example e : train.examples()) {
      if (train.isOos(e) || known.contains(e.label())) {
        starting.add(e);
      } else {
        traffic.add(e);
      }
    }
    Collections.shuffle(traffic, random);
    return new KnownIntents(
        known.stream().sorted().toList(),
        train.withExamples(train.source() + " (known intents)", starting),
        traffic);
  }
}
