package org.ailedger.node.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ailedger.node.app.LedgerNode;
import org.ailedger.node.app.NodeConfig;
import org.ailedger.node.chain.Registration;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.crypto.Secp256k1s;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.node.genesis.DevnetGenesis;
import org.ailedger.node.genesis.GenesisWriter;
import org.ailedger.node.p2p.peers.PeersConfig;
import org.ailedger.node.rpc.TimeBoxed;
import org.ailedger.node.rpc.json.Hex;
import org.ailedger.node.tx.Transaction;
import org.ailedger.node.tx.TransactionSigner;
import org.ailedger.node.tx.TransactionType;
import org.ailedger.node.tx.UnsignedTransaction;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract deployed from hand-assembled bytecode on a real one-validator node (RocksDB, JSON-RPC
 * over a socket, blocks produced by the node itself), then called, simulated and read back, also
 * after a restart. The expected gas is summed here from the Cancun price of each opcode the program
 * runs, so the test does not take the EVM's word for its own gas.
 */
@TimeBoxed
class EvmContractIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyPair OWNER = DevAccounts.account(0);
  private static final long CHAIN_ID = DevAccounts.DEVNET_CHAIN_ID;
  private static final Bytes32 TOPIC = Bytes32.fromHexStringLenient("0x2a");

  /**
   * The counter's runtime. Reads word x from calldata; x = 0: slot 0 += 1, LOG1(topic 0x2a, the new
   * count), return the new count; x != 0: revert with x as the revert data.
   */
  private static final Bytes RUNTIME =
      Bytes.fromHexString(
          "0x5f" // PUSH0
              + "35" // CALLDATALOAD         x
              + "80" // DUP1
              + "601c" // PUSH1 0x1c         the revert branch
              + "57" // JUMPI
              + "50" // POP
              + "5f" // PUSH0
              + "54" // SLOAD                 c
              + "6001" // PUSH1 1
              + "01" // ADD                   c + 1
              + "80" // DUP1
              + "5f" // PUSH0
              + "55" // SSTORE                slot 0 = c + 1
              + "80" // DUP1
              + "5f" // PUSH0
              + "52" // MSTORE                memory[0..32] = c + 1
              + "602a" // PUSH1 0x2a          topic
              + "6020" // PUSH1 32            size
              + "5f" // PUSH0                 offset
              + "a1" // LOG1
              + "6020" // PUSH1 32
              + "5f" // PUSH0
              + "f3" // RETURN
              + "5b" // JUMPDEST  (0x1c)      x
              + "5f" // PUSH0
              + "52" // MSTORE                memory[0..32] = x
              + "6020" // PUSH1 32
              + "5f" // PUSH0
              + "fd"); // REVERT

  /** Stores 5 in slot 0, then returns the runtime (35 bytes, copied from offset 14). */
  private static final Bytes INIT =
      Bytes.concatenate(
          Bytes.fromHexString(
              "0x6005" // PUSH1 5
                  + "5f" // PUSH0
                  + "55" // SSTORE                slot 0 = 5
                  + "6023" // PUSH1 35            size
                  + "600e" // PUSH1 14            offset of the runtime in this code
                  + "5f" // PUSH0                 memory offset
                  + "39" // CODECOPY
                  + "6023" // PUSH1 35
                  + "5f" // PUSH0
                  + "f3"), // RETURN
          RUNTIME);

  // Cancun prices (EIP-2929 cold slot 2100; SSTORE 20000 to set, 2900 to reset a warm slot)
  private static final long DEPLOY_EXECUTION =
      3
          + 2
          + (2_100 + 20_000) // PUSH1 PUSH0 SSTORE on a cold, empty slot
          + 3
          + 3
          + 2
          + (3 + 3 * 2 + 3 * 2) // CODECOPY of 2 words, memory grown to 2 words
          + 3
          + 2
          + 0 // RETURN within memory already paid for
          + 200 * 35; // code deposit
  private static final long INCREMENT_EXECUTION =
      2
          + 3
          + 3
          + 3
          + 10
          + 2 // PUSH0 CALLDATALOAD DUP1 PUSH1 JUMPI POP
          + 2
          + 2_100 // PUSH0, SLOAD of a cold slot
          + 3
          + 3
          + 3
          + 2
          + 2_900 // PUSH1 ADD DUP1 PUSH0, SSTORE of a warm, non-zero slot
          + 3
          + 2
          + (3 + 3) // DUP1 PUSH0 MSTORE, memory grown to 1 word
          + 3
          + 3
          + 2
          + (375 + 375 + 8 * 32) // PUSH1 PUSH1 PUSH0 LOG1 of 32 bytes
          + 3
          + 2
          + 0; // PUSH1 PUSH0 RETURN
  private static final long REVERT_EXECUTION =
      2
          + 3
          + 3
          + 3
          + 10 // PUSH0 CALLDATALOAD DUP1 PUSH1 JUMPI (taken)
          + 1
          + 2
          + (3 + 3) // JUMPDEST PUSH0 MSTORE, memory grown to 1 word
          + 3
          + 2
          + 0; // PUSH1 PUSH0 REVERT

  private final HttpClient http = HttpClient.newHttpClient();
  private final TransactionSigner signer = new TransactionSigner(Secp256k1s.best());

  @TempDir Path dir;

  @Test
  void aDeployedCounterStoresLogsRevertsAndSurvivesARestart() throws IOException {
    Path genesis = Files.writeString(dir.resolve("genesis.json"), genesisJson());
    Path key = dir.resolve("key");
    KeyFile.write(key, DevAccounts.validator(0));
    long nonce;
    String contract;
    try (LedgerNode node = start(genesis, key)) {
      URI rpc = URI.create("http://127.0.0.1:" + node.httpPort());
      nonce =
          Long.decode(
              result(rpc, "eth_getTransactionCount", OWNER.address().toHexString(), "latest")
                  .asText());

      // deployment
      JsonNode deployed = mined(node, rpc, creation(nonce, INIT));
      contract = deployed.get("contractAddress").asText();
      assertThat(contract).isEqualTo(Hex.address(createdAddress(OWNER.address(), nonce)));
      assertThat(deployed.get("status").asText()).isEqualTo("0x1");
      assertThat(Long.decode(deployed.get("gasUsed").asText()))
          .isEqualTo(intrinsic(INIT, true) + DEPLOY_EXECUTION);
      assertThat(result(rpc, "eth_getCode", contract, "latest").asText())
          .isEqualTo(RUNTIME.toHexString());
      assertThat(result(rpc, "eth_getStorageAt", contract, "0x0", "latest").asText())
          .isEqualTo(word(5).toHexString());
      assertThat(result(rpc, "eth_getCode", contract, "0x0").asText()).isEqualTo("0x");

      // a call: the count goes 5 → 6 and is logged
      Bytes increment = word(0);
      JsonNode called = mined(node, rpc, call(nonce + 1, contract, increment));
      assertThat(called.get("status").asText()).isEqualTo("0x1");
      assertThat(called.get("contractAddress").isNull()).isTrue();
      assertThat(Long.decode(called.get("gasUsed").asText()))
          .isEqualTo(intrinsic(increment, false) + INCREMENT_EXECUTION);
      JsonNode log = called.get("logs").get(0);
      assertThat(called.get("logs")).hasSize(1);
      assertThat(log.get("address").asText()).isEqualTo(contract);
      assertThat(log.get("topics").get(0).asText()).isEqualTo(TOPIC.toHexString());
      assertThat(log.get("data").asText()).isEqualTo(word(6).toHexString());
      assertThat(result(rpc, "eth_getStorageAt", contract, "0x0", "latest").asText())
          .isEqualTo(word(6).toHexString());
      JsonNode logs = result(rpc, "eth_getLogs", Map.of("fromBlock", "0x0", "address", contract));
      assertThat(logs).hasSize(1);
      assertThat(logs.get(0).get("transactionHash")).isEqualTo(called.get("transactionHash"));

      // eth_call and eth_estimateGas run on the head's state and change nothing
      Map<String, String> callObject =
          Map.of(
              "from",
              OWNER.address().toHexString(),
              "to",
              contract,
              "data",
              increment.toHexString());
      assertThat(result(rpc, "eth_call", callObject, "latest").asText())
          .isEqualTo(word(7).toHexString());
      assertThat(Long.decode(result(rpc, "eth_estimateGas", callObject, "latest").asText()))
          .isEqualTo(intrinsic(increment, false) + INCREMENT_EXECUTION);
      assertThat(result(rpc, "eth_getStorageAt", contract, "0x0", "latest").asText())
          .isEqualTo(word(6).toHexString());

      // out of gas is a halt, not a revert: -32000 naming it, no revert data
      JsonNode halted =
          error(
              rpc,
              "eth_call",
              Map.of("to", contract, "data", increment.toHexString(), "gas", "0x5400"),
              "latest");
      assertThat(halted.get("code").asInt()).isEqualTo(-32000);
      assertThat(halted.get("message").asText()).isEqualTo("execution halted: out of gas");
      assertThat(halted.has("data")).isFalse();

      // a reverting call: geth's error with the revert bytes, and a failed receipt that keeps them
      Bytes reverting = word(7);
      JsonNode error =
          error(rpc, "eth_call", Map.of("to", contract, "data", reverting.toHexString()), "latest");
      assertThat(error.get("code").asInt()).isEqualTo(3);
      assertThat(error.get("message").asText()).startsWith("execution reverted");
      assertThat(error.get("data").asText()).isEqualTo(word(7).toHexString());
      JsonNode reverted = mined(node, rpc, call(nonce + 2, contract, reverting));
      assertThat(reverted.get("status").asText()).isEqualTo("0x0");
      assertThat(reverted.get("revertReason").asText()).isEqualTo(word(7).toHexString());
      assertThat(reverted.get("logs")).isEmpty();
      assertThat(Long.decode(reverted.get("gasUsed").asText()))
          .isEqualTo(intrinsic(reverting, false) + REVERT_EXECUTION);
      assertThat(result(rpc, "eth_getStorageAt", contract, "0x0", "latest").asText())
          .isEqualTo(word(6).toHexString());
    }

    // the code and the storage were committed with their blocks, so a new process reads them
    try (LedgerNode restarted = start(genesis, key)) {
      URI rpc = URI.create("http://127.0.0.1:" + restarted.httpPort());
      assertThat(result(rpc, "eth_getCode", contract, "latest").asText())
          .isEqualTo(RUNTIME.toHexString());
      assertThat(result(rpc, "eth_getStorageAt", contract, "0x0", "latest").asText())
          .isEqualTo(word(6).toHexString());
      JsonNode again = mined(restarted, rpc, call(nonce + 3, contract, word(0)));
      assertThat(again.get("logs").get(0).get("data").asText()).isEqualTo(word(7).toHexString());
    }
  }

  @Test
  void aChainWhoseGenesisEnablesNoEvmRefusesACreationNamingTheKey() throws IOException {
    String withoutCancun = genesisJson().replaceFirst("\"cancunTime\" : 0,\\s*", "");
    assertThat(withoutCancun).doesNotContain("cancunTime");
    Path genesis = Files.writeString(dir.resolve("genesis.json"), withoutCancun);
    Path key = dir.resolve("key");
    KeyFile.write(key, DevAccounts.validator(0));
    try (LedgerNode node = start(genesis, key)) {
      URI rpc = URI.create("http://127.0.0.1:" + node.httpPort());

      JsonNode error =
          error(rpc, "eth_sendRawTransaction", creation(0, INIT).encoded().toHexString());

      assertThat(error.get("code").asInt()).isEqualTo(-32000);
      assertThat(error.get("message").asText())
          .startsWith("EVM not enabled: contract creation needs the EVM")
          .contains("config.cancunTime");
      assertThat(
              error(rpc, "eth_call", Map.of("data", INIT.toHexString()), "latest")
                  .get("message")
                  .asText())
          .contains("contract creation needs the EVM", "config.cancunTime");
    }
  }

  private LedgerNode start(Path genesis, Path key) {
    LedgerNode node =
        new LedgerNode(
            new NodeConfig(
                dir.resolve("data"),
                genesis,
                Optional.of(key),
                "127.0.0.1",
                0,
                0,
                0,
                List.of(),
                false,
                "evm-it",
                NodeConfig.DEFAULT_BLOCK_TXS_SELECTION_PERCENT,
                PeersConfig.disabled(),
                0),
            Clock.systemUTC());
    node.start();
    return node;
  }

  private static String genesisJson() {
    return new GenesisWriter().write(DevnetGenesis.spec(1));
  }

  private Transaction creation(long nonce, Bytes initCode) {
    return signer.sign(
        new UnsignedTransaction(
            TransactionType.EIP1559,
            nonce,
            UInt256.ZERO,
            UInt256.ZERO,
            1_000_000,
            Optional.empty(),
            UInt256.ZERO,
            initCode,
            List.of()),
        CHAIN_ID,
        OWNER);
  }

  private Transaction call(long nonce, String contract, Bytes data) {
    return signer.sign(
        UnsignedTransaction.eip1559(
            nonce,
            UInt256.ZERO,
            UInt256.ZERO,
            100_000,
            Address.fromHex(contract),
            UInt256.ZERO,
            data,
            List.of()),
        CHAIN_ID,
        OWNER);
  }

  /** 21000 or 53000, 4 per zero and 16 per other data byte, and for init code 2 per word. */
  private static long intrinsic(Bytes data, boolean creation) {
    long gas = creation ? 53_000 + 2L * ((data.size() + 31) / 32) : 21_000;
    for (int i = 0; i < data.size(); i++) {
      gas += data.get(i) == 0 ? 4 : 16;
    }
    return gas;
  }

  private static Bytes32 word(long value) {
    return UInt256.valueOf(value).toBytes();
  }

  /** keccak256(RLP([sender, nonce]))[12:], written out here rather than taken from the node. */
  private static Address createdAddress(Address sender, long nonce) {
    Bytes rlp =
        org.apache.tuweni.rlp.RLP.encodeList(
            w -> {
              w.writeValue(sender.bytes());
              w.writeLong(nonce);
            });
    return new Address(org.ailedger.evm.hash.Keccak256.hash(rlp).slice(12, 20));
  }

  /** Sends {@code tx} and returns its receipt once a block holding it is committed. */
  private JsonNode mined(LedgerNode node, URI rpc, Transaction tx) {
    CompletableFuture<Void> included = new CompletableFuture<>();
    try (Registration ignored =
        node.chain()
            .onBlockAdded(
                added -> {
                  if (added.block().transactions().contains(tx)) {
                    included.complete(null);
                  }
                })) {
      String hash = result(rpc, "eth_sendRawTransaction", tx.encoded().toHexString()).asText();
      included.get(30, TimeUnit.SECONDS);
      return result(rpc, "eth_getTransactionReceipt", hash);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("transaction " + tx.hash() + " was not mined in 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode result(URI rpc, String method, Object... params) {
    JsonNode response = call(rpc, method, params);
    assertThat(response.has("error")).as("%s answered %s", method, response).isFalse();
    return response.get("result");
  }

  private JsonNode error(URI rpc, String method, Object... params) {
    JsonNode response = call(rpc, method, params);
    assertThat(response.has("error")).as("%s answered %s", method, response).isTrue();
    return response.get("error");
  }

  private JsonNode call(URI rpc, String method, Object... params) {
    try {
      String body =
          JSON.writeValueAsString(
              Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(rpc)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
