package dev.scalpel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliHelpTest {
  @Test
  void rootHelpListsEverySubcommand() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: scalpel ");
    assertThat(result.out())
        .contains("quickstart", "train", "predict", "eval", "inspect")
        .contains("Specialized-first AI gateway");
    assertThat(result.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"quickstart", "train", "predict", "eval", "inspect"})
  void everySubcommandHasHelp(String command) {
    Cli.Result result = Cli.run(command, "--help");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("Usage: scalpel " + command + " ").contains("--help");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void trainHelpShowsItsDefaults() {
    Cli.Result result = Cli.run("train", "--help");

    assertThat(result.out())
        .contains("--data=<data>", "--out=<out>", "--val=<val>")
        .contains("(default: 0.99)", "(default: 42)", "(default: 15)", "(default: 5)");
  }

  @Test
  void noArgumentsPrintsTheUsage() {
    Cli.Result result = Cli.run();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: scalpel ");
  }

  @Test
  void versionNamesScalpel() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("scalpel \\S+\\R");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result result = Cli.run("train", "--data", "x.csv", "--out", "x.scalpel", "--bogus");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--bogus'").contains("Usage: scalpel train");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void unknownOptionOfTheRootIsAUsageError() {
    Cli.Result result = Cli.run("--bogus");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    Cli.Result result = Cli.run("serve-the-world");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unmatched argument at index 0: 'serve-the-world'");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Cli.Result result = Cli.run("predict", "where is my order?");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required option: '--model=<model>'");
  }

  @Test
  void badOptionValueIsAUsageError() {
    Cli.Result result = Cli.run("train", "--data", "x.csv", "--out", "m", "--seed", "forty-two");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Invalid value for option '--seed': 'forty-two' is not a long");
  }
}
