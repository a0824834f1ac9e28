package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "sign-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Signs a dataset attestation as its owner (EIP-712) and prints the signature, for a relayer",
      "to submit with 'dataset attest-for'. With --nonce and --chain-id it works offline;",
      "otherwise it reads both from --rpc."
    })
final class DatasetSignAttestation implements Callable<Integer> {
  static final long DEFAULT_VALIDITY_SECONDS = 3_600;

  @Mixin LedgerOptions ledger;

  @Mixin ClaimOptions claimOptions;

  @Mixin OwnerKeyOptions ownerKey;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--deadline",
      paramLabel = "UNIX",
      description = "Unix time after which the signature is void (default: one hour from now).")
  Long deadline;

  @Option(
      names = "--nonce",
      paramLabel = "N",
      description = "The owner's attestation nonce (default: read from the chain).")
  BigInteger nonce;

  @Option(
      names = "--chain-id",
      paramLabel = "ID",
      description = "The chain's id (default: read from the chain).")
  Long chainId;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    DatasetClaim claim = claimOptions.claim();
    KeyPair key =
        ownerKey
            .key()
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "give the owner's key: --owner-key or --owner-key-file"));
    if (deadline != null && deadline < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--deadline is a unix time, not negative");
    }
    if (nonce != null && nonce.signum() < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nonce must not be negative");
    }
    long expires =
        deadline != null ? deadline : clock.instant().getEpochSecond() + DEFAULT_VALIDITY_SECONDS;
    long chain;
    BigInteger ownerNonce;
    if (nonce != null && chainId != null) {
      chain = chainId;
      ownerNonce = nonce;
    } else {
      try (LedgerClient client = ledger.connect()) {
        chain = client.chainId();
        if (chainId != null && chainId != chain) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--chain-id " + chainId + " differs from the node's chain id " + chain);
        }
        ownerNonce =
            nonce != null
                ? nonce
                : client.view(client.provenance().nonces(key.address().toHexString()));
      }
    }
    LedgerClient.requireUsable(key, chain);
    AttestationSigner.Signed signed =
        AttestationSigner.sign(
            key, claim, UInt256.valueOf(ownerNonce), UInt256.valueOf(expires), chain);
    ObjectNode result =
        claimOptions
            .describe(Output.object(), claim)
            .put("owner", key.address().toHexString())
            .put("nonce", ownerNonce)
            .put("deadline", expires)
            .put("chainId", chain)
            .put("digest", signed.digest().toHexString())
            .put("signature", signed.signature().toHexString())
            .put("relayCommand", relayCommand(claim, key, expires, signed));
    ledger.output().print(result);
    return 0;
  }

  /** The attest-for command a relayer runs, so the owner can hand it over as it is. */
  private static String relayCommand(
      DatasetClaim claim, KeyPair key, long expires, AttestationSigner.Signed signed) {
    List<String> words =
        new ArrayList<>(
            List.of(
                "ailedger",
                "dataset",
                "attest-for",
                "--dataset",
                claim.datasetId().toHexString(),
                "--content-hash",
                claim.contentHash().toHexString()));
    if (!claim.uri().isEmpty()) {
      words.addAll(List.of("--uri", quote(claim.uri())));
    }
    if (!claim.license().isEmpty()) {
      words.addAll(List.of("--license", quote(claim.license())));
    }
    for (Bytes32 parent : claim.parents()) {
      words.addAll(List.of("--parent", parent.toHexString()));
    }
    words.addAll(
        List.of(
            "--owner",
            key.address().toHexString(),
            "--deadline",
            Long.toString(expires),
            "--signature",
            signed.signature().toHexString(),
            "--key-file",
            "RELAYER_KEY_FILE"));
    return String.join(" ", words);
  }

  /** POSIX shell single quotes, so a URI with spaces or '&' survives copy and paste. */
  private static String quote(String word) {
    return word.matches("[A-Za-z0-9._:/@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
