package org.ailedger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.node.genesis.DevAccounts;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;

/**
 * The submitUpdate rules the load must never break, checked the same way on any node: a second
 * update of one contributor to a round and an update citing a dataset whose parent was revoked both
 * revert, with the reason in the answer to eth_call.
 */
final class SubmitUpdateRules {
  private static final long GAS = 500_000;

  private final JsonRpcClient client;
  private final SetupSender sender;
  private final LedgerContracts contracts;

  SubmitUpdateRules(JsonRpcClient client, LedgerContracts contracts) {
    this.client = client;
    this.sender =
        new SetupSender(
            client,
            client.quantity("eth_chainId"),
            UInt256.valueOf(client.quantity("eth_gasPrice")).multiply(2));
    this.contracts = contracts;
  }

  /** Opens a round, commits one update of load sender 0, and returns what it was. */
  SubmitUpdateCalls oneCommittedUpdate() throws InterruptedException {
    KeyPair contributor = Presigner.senderKey(0);
    SubmitUpdateCalls calls =
        (SubmitUpdateCalls)
            new RoundSetup(client, sender, contracts).prepare(1, contributor.address());
    sender.send(
        contributor,
        List.of(calls.data(0, 0)),
        Optional.of(contracts.modelRegistry()),
        calls.gasLimit(),
        "first submitUpdate");
    return calls;
  }

  /** The error eth_call answers for sender 0 submitting another update to the same round. */
  String secondUpdateOfTheSameContributor(SubmitUpdateCalls committed) {
    // sender 1's hashes: a different update, from the contributor that already submitted
    return revertOf(Presigner.senderKey(0).address(), committed.data(1, 0));
  }

  /**
   * The error eth_call answers for load sender 1 submitting to the same round, citing a dataset
   * whose parent the data owner revoked.
   */
  String updateCitingATaintedDataset(SubmitUpdateCalls committed) throws InterruptedException {
    String tag = committed.tag() + "/taint";
    Bytes32 parent = id(tag + "/parent");
    Bytes32 child = id(tag + "/child");
    sender.send(
        DevAccounts.account(2),
        List.of(attest(parent, List.of()), attest(child, List.of(parent)), revoke(parent)),
        Optional.of(contracts.dataProvenance()),
        GAS,
        "attest and revoke");
    SubmitUpdateCalls citingChild =
        new SubmitUpdateCalls(
            tag, committed.models(), child, committed.gasLimit(), contracts.modelRegistry());
    return revertOf(Presigner.senderKey(1).address(), citingChild.data(1, 0));
  }

  private String revertOf(Address from, Bytes data) {
    ObjectNode call = JsonNodeFactory.instance.objectNode();
    call.put("from", from.toHexString());
    call.put("to", contracts.modelRegistry().toHexString());
    call.put("gas", "0x" + Long.toHexString(GAS));
    call.put("data", data.toHexString());
    RpcOutcome outcome = client.call("eth_call", call, "latest");
    assertThat(outcome).isInstanceOf(RpcOutcome.Failure.class);
    return ((RpcOutcome.Failure) outcome).message();
  }

  private static Bytes attest(Bytes32 dataset, List<Bytes32> parents) {
    return encode(
        new Function(
            "attest",
            List.of(
                bytes32(dataset),
                bytes32(id(dataset.toHexString() + "/content")),
                new Utf8String("ipfs://rules"),
                new Utf8String("CC-BY-4.0"),
                new DynamicArray<>(
                    org.web3j.abi.datatypes.generated.Bytes32.class,
                    parents.stream().map(SubmitUpdateRules::bytes32).toList())),
            List.of()));
  }

  private static Bytes revoke(Bytes32 dataset) {
    return encode(
        new Function(
            "revoke", List.of(bytes32(dataset), bytes32(id("poisoned samples"))), List.of()));
  }

  private static Bytes encode(Function function) {
    return Bytes.fromHexString(FunctionEncoder.encode(function));
  }

  private static Bytes32 id(String text) {
    return Bytes32.wrap(Hash.sha3(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArrayUnsafe());
  }
}
