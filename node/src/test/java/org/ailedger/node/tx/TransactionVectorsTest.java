package org.ailedger.node.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ailedger.node.crypto.BouncyCastleSecp256k1;
import org.ailedger.node.crypto.NativeSecp256k1;
import org.ailedger.node.crypto.Secp256k1;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ethereum TransactionTests vectors (see SOURCE.md beside them), judged by the Cancun outcome
 * on chain id 1, with sender recovery run by both secp256k1 implementations.
 */
class TransactionVectorsTest {
  private static final String FORK = "Cancun";
  private static final long CHAIN_ID = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The upstream exception names and the reasons this node may give for them. */
  private static final Map<String, Set<RejectionReason>> EXPECTED_REASONS =
      Map.of(
          "INVALID_SIGNATURE_VRS", Set.of(RejectionReason.INVALID_SIGNATURE),
          "EC_RECOVERY_FAIL", Set.of(RejectionReason.INVALID_SIGNATURE),
          // v = 26 and v = 2^64+27 are not EIP-155 values at all, so the decoder calls them invalid
          // signatures; v encoding another chain decodes and then fails the chain id check.
          "INVALID_CHAINID",
              Set.of(RejectionReason.WRONG_CHAIN_ID, RejectionReason.INVALID_SIGNATURE),
          "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT", Set.of(RejectionReason.MALFORMED),
          "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG", Set.of(RejectionReason.MALFORMED),
          "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG", Set.of(RejectionReason.MALFORMED),
          "RLP_LEADING_ZEROS_BASEFEE", Set.of(RejectionReason.MALFORMED),
          "GASPRICE_OVERFLOW", Set.of(RejectionReason.MALFORMED),
          "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2",
              Set.of(RejectionReason.PRIORITY_FEE_ABOVE_MAX_FEE));

  static Stream<Arguments> vectors() {
    String dirProperty = System.getProperty("test.vectors.dir");
    assertThat(dirProperty).as("system property test.vectors.dir (set by the build)").isNotNull();
    Path dir = Path.of(dirProperty, "TransactionTests");
    assertThat(dir).as("Ethereum TransactionTests vectors directory").isDirectory();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("vector files under " + dir).hasSize(30);
    List<Secp256k1> implementations = List.of(NativeSecp256k1.load(), new BouncyCastleSecp256k1());
    return files.stream()
        .flatMap(
            file ->
                implementations.stream()
                    .map(secp -> Arguments.of(dir.relativize(file).toString(), secp)));
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("vectors")
  void vectorOutcomeMatchesCancun(String file, Secp256k1 secp256k1) throws IOException {
    String dir = System.getProperty("test.vectors.dir");
    JsonNode root = JSON.readTree(Path.of(dir, "TransactionTests", file).toFile());
    JsonNode testCase = root.elements().next();
    Bytes raw = Bytes.fromHexString(testCase.get("txbytes").asText());
    JsonNode outcome = testCase.get("result").get(FORK);
    assertThat(outcome).as(FORK + " outcome in " + file).isNotNull();

    if (outcome.has("exception")) {
      assertRejected(raw, outcome.get("exception").asText(), secp256k1);
    } else {
      assertValid(raw, outcome, secp256k1);
    }
  }

  private static void assertValid(Bytes raw, JsonNode outcome, Secp256k1 secp256k1) {
    DecodeResult decoded = TransactionDecoder.decode(raw);
    assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
    Transaction tx = ((DecodeResult.Decoded) decoded).transaction();

    assertThat(tx.hash()).isEqualTo(Bytes32.fromHexString(outcome.get("hash").asText()));
    assertThat(tx.encoded()).isEqualTo(raw);
    assertThat(new SenderRecovery(secp256k1).recover(tx))
        .isEqualTo(new RecoveryResult.Recovered(Address.fromHex(outcome.get("sender").asText())));
    assertThat(TransactionValidator.intrinsicGas(tx))
        .isEqualTo(Long.decode(outcome.get("intrinsicGas").asText()));

    // Valid on Ethereum; this chain additionally insists on replay protection.
    Optional<RejectionReason> policy =
        new TransactionValidator(CHAIN_ID, Long.MAX_VALUE)
            .validate(tx)
            .map(TransactionRejection::reason);
    if (tx.chainId().isEmpty()) {
      assertThat(policy).contains(RejectionReason.REPLAY_UNPROTECTED);
    } else {
      assertThat(policy).isEmpty();
    }
  }

  private static void assertRejected(Bytes raw, String exception, Secp256k1 secp256k1) {
    String name = exception.substring(exception.lastIndexOf('.') + 1);
    Set<RejectionReason> expected = EXPECTED_REASONS.get(name);
    if (expected == null) {
      fail("no expected rejection reason is mapped for " + exception);
    }
    TransactionRejection rejection = firstRejection(raw, secp256k1);
    assertThat(rejection).as("rejection of a transaction with " + exception).isNotNull();
    assertThat(rejection.reason()).as(rejection.message()).isIn(expected);
  }

  /** Decode, then recover the sender, then the stateless checks: the first refusal, or null. */
  private static TransactionRejection firstRejection(Bytes raw, Secp256k1 secp256k1) {
    return switch (TransactionDecoder.decode(raw)) {
      case DecodeResult.Invalid(TransactionRejection rejection) -> rejection;
      case DecodeResult.Decoded(Transaction tx) ->
          switch (new SenderRecovery(secp256k1).recover(tx)) {
            case RecoveryResult.Invalid(TransactionRejection rejection) -> rejection;
            case RecoveryResult.Recovered recovered ->
                new TransactionValidator(CHAIN_ID, Long.MAX_VALUE).validate(tx).orElse(null);
          };
    };
  }
}
