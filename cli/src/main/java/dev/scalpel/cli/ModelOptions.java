package dev.scalpel.cli;

import dev.scalpel.learn.Specialist;
import dev.scalpel.learn.SpecialistFiles;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model} and the encoder options needed to load it, plus an optional serving-time
 * precision target.
 */
final class ModelOptions {
  @Option(
      names = "--model",
      required = true,
      description = "Model file written by 'scalpel train'.")
  Path model;

  @Option(
      names = "--target-precision",
      description =
          "Operate at another precision target, using the validation curve stored in the model.")
  Double targetPrecision;

  @Mixin EncoderOptions encoderOptions;

  Specialist load() {
    Specialist specialist = SpecialistFiles.load(model, encoderOptions::openFor);
    return targetPrecision == null ? specialist : specialist.withTargetPrecision(targetPrecision);
  }
}
