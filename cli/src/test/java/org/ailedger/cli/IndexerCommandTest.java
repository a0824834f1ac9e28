package org.ailedger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.ailedger.indexer.app.IndexerConfig;
import org.ailedger.indexer.metrics.MetricsConfig;
import org.ailedger.indexer.store.StoreLocation;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IndexerCommandTest {
  @Test
  void defaultsServeLocalhost8080FromAnSqliteFileInTheDataDir() {
    IndexerCommand command = parse("--rpc", "http://127.0.0.1:8545", "--data-dir", "/tmp/ix");

    IndexerConfig config = command.config();

    assertThat(config.rpc()).isEqualTo(URI.create("http://127.0.0.1:8545"));
    assertThat(config.api().host()).isEqualTo("127.0.0.1");
    assertThat(config.api().port()).isEqualTo(8080);
    assertThat(config.store().location())
        .isEqualTo(new StoreLocation.SqliteFile(Path.of("/tmp/ix/indexer.db")));
  }

  @Test
  void aPostgresqlUrlSelectsPostgresqlWithoutPrintingItsPassword() {
    IndexerCommand command =
        parse(
            "--rpc=http://node:8545",
            "--db=postgresql://ledger:secret@db:5432/ledger",
            "--port=9000",
            "--host=0.0.0.0");

    IndexerConfig config = command.config();

    assertThat(config.store().location()).isInstanceOf(StoreLocation.Postgres.class);
    assertThat(config.store().location().describe()).doesNotContain("secret");
    assertThat(config.api().port()).isEqualTo(9000);
    assertThat(config.api().host()).isEqualTo("0.0.0.0");
  }

  @Test
  void metricsAreOffUnlessEnabledThenServedOn9645OfLocalhost() {
    assertThat(parse("--rpc=http://node:8545").config().metrics().enabled()).isFalse();

    MetricsConfig metrics = parse("--rpc=http://node:8545", "--metrics-enabled").config().metrics();

    assertThat(metrics).isEqualTo(MetricsConfig.on("127.0.0.1", 9645));
    assertThat(
            parse(
                    "--rpc=http://node:8545",
                    "--metrics-enabled",
                    "--metrics-host=0.0.0.0",
                    "--metrics-port=9700")
                .config()
                .metrics())
        .isEqualTo(MetricsConfig.on("0.0.0.0", 9700));
  }

  @Test
  void wsNamesTheNodesWebSocketForNewHeadsAndIsOptional() {
    assertThat(parse("--rpc=http://node:8545").config().ws()).isEmpty();
    assertThat(parse("--rpc=http://node:8545", "--ws=ws://node:8546").config().ws())
        .contains(URI.create("ws://node:8546"));
    assertThatThrownBy(() -> parse("--rpc=http://node:8545", "--ws=http://node:8546").config())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws(s) URL");
  }

  @Test
  void publicRpcUrlIsPublishedOnlyWhenGivenAndNeverDefaultsToRpc() {
    assertThat(parse("--rpc=http://10.0.0.5:8545").config().api().publicRpcUrl()).isEmpty();
    assertThat(
            parse("--rpc=http://10.0.0.5:8545", "--public-rpc-url=https://rpc.ledger.example")
                .config()
                .api()
                .publicRpcUrl())
        .contains(URI.create("https://rpc.ledger.example"));
  }

  @Test
  void aPublicRpcUrlThatIsNotAnAbsoluteHttpUrlIsRefusedWithAReasonAndExitCode1() {
    for (String bad :
        new String[] {"ws://rpc.ledger.example", "rpc.ledger.example:8545", "file:///etc/passwd"}) {
      StringWriter err = new StringWriter();
      CommandLine cli =
          new CommandLine(new IndexerCommand())
              .setExecutionExceptionHandler(new CliExceptionHandler())
              .setErr(new PrintWriter(err));

      int exit = cli.execute("--rpc=http://node:8545", "--public-rpc-url=" + bad);

      assertThat(exit).as(bad).isEqualTo(1);
      assertThat(err.toString()).as(bad).contains("http(s) URL", bad);
    }
  }

  private static IndexerCommand parse(String... args) {
    IndexerCommand command = new IndexerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
