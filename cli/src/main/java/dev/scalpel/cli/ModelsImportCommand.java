package dev.scalpel.cli;

import dev.scalpel.core.data.Dataset;
import dev.scalpel.flywheel.dataset.DatasetStore;
import dev.scalpel.flywheel.dataset.DatasetVersion;
import dev.scalpel.flywheel.registry.ModelRegistry;
import dev.scalpel.flywheel.registry.ModelVersion;
import dev.scalpel.flywheel.registry.NewVersion;
import dev.scalpel.learn.ModelInfo;
import dev.scalpel.learn.SpecialistFiles;
import dev.scalpel.learn.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalpel models import}: registers a model file written by {@code scalpel train}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Register a model file written by 'scalpel train' as the next version. The first version of"
          + " a registry becomes the champion; later ones only with --promote.",
      "--dataset records the training file as the dataset's first version, --eval the validation"
          + " file as the frozen evaluation set that every retrained challenger is gated on."
    })
final class ModelsImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "Model file written by 'scalpel train'.")
  Path model;

  @Option(
      names = "--dataset",
      description = "The file the model was trained on: becomes dataset version v1.")
  Path dataset;

  @Option(
      names = "--eval",
      description = "The held-out file its thresholds were chosen on: the frozen evaluation set.")
  Path eval;

  @Option(names = "--promote", description = "Make it the champion even if there is one.")
  boolean promote;

  @Option(
      names = "--max-accuracy-drop",
      defaultValue = "0.01",
      description =
          "The --max-accuracy-drop the model was trained with, for retrains (default:"
              + " ${DEFAULT-VALUE}).")
  double maxAccuracyDrop;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description =
          "Cross-validation folds for retrains without --eval (default: ${DEFAULT-VALUE}).")
  int folds;

  @Mixin RegistryOptions registryOptions;
  @Mixin DataOptions dataOptions;
  @Mixin EncoderOptions encoderOptions;

  @Override
  public Integer call() {
    if (registryOptions.name == null) {
      throw new ParameterException(
          spec.commandLine(), "Missing required option: '--name=<name>' (the specialist's name)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelInfo info = SpecialistFiles.readInfo(model);
    TrainOptions settings =
        new TrainOptions(
            info.features(),
            info.provenance().trainer(),
            info.thresholds().targetPrecision(),
            maxAccuracyDrop,
            folds);
    DatasetStore datasets = registryOptions.datasets();
    if (dataset != null && datasets.latest().isPresent()) {
      throw new CliException(
          "dataset '"
              + datasets.name()
              + "' already has versions (newest "
              + datasets.latest().get().version()
              + "): import without --dataset, or add new examples with 'scalpel datasets add'");
    }
    if (eval != null) {
      DatasetVersion frozen = datasets.freezeEval(dataOptions.read(eval, err), eval.toString());
      out.printf("frozen evaluation set: %s (%d examples)%n", eval, frozen.total());
    }
    DatasetVersion trainedOn = null;
    if (dataset != null) {
      Dataset data = dataOptions.read(dataset, err);
      if (data.size() != info.provenance().trainExamples()
          || !data.labelCounts().equals(info.provenance().labelCounts())) {
        err.printf(
            "warning: %s has %d examples, the model was trained on %d (%s): is it the training"
                + " file?%n",
            dataset,
            data.size(),
            info.provenance().trainExamples(),
            info.provenance().trainSource());
      }
      trainedOn = datasets.add(data, dataset.toString());
      out.printf("dataset %s@%s: %d examples%n", datasets.name(), trainedOn.version(), data.size());
    }
    try (RegistryEncoders encoders = registryOptions.encoders(encoderOptions)) {
      ModelRegistry registry = registryOptions.registry(encoders);
      boolean first = registry.champion().isEmpty();
      ModelVersion version =
          registry.importModel(
              model,
              new NewVersion(
                  null,
                  trainedOn == null ? null : trainedOn.version(),
                  trainedOn == null ? null : trainedOn.sha256(),
                  settings,
                  null,
                  "imported from " + model));
      out.println("registered " + version.version() + " from " + model);
      out.flush();
      if (!first && !promote) {
        return 0;
      }
      return ChampionChanges.report(
          spec.commandLine(), registry.promote(version.version(), "imported from " + model, false));
    }
  }
}
