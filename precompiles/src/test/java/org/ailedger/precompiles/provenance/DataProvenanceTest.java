package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OTHER_OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OUTSIDER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.abi;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.InMemorySlotStore;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContracts;
import org.ailedger.types.Log;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Hash;

/** Attesting datasets and reading them back, as clients see it. */
@SuppressWarnings("rawtypes")
class DataProvenanceTest {
  private final ProvenanceHarness chain = new ProvenanceHarness();

  static Bytes32 topic(String eventSignature) {
    return Bytes32.fromHexString(Hash.sha3String(eventSignature));
  }

  @Test
  void attestedDatasetIsReadBackWithItsFields() {
    chain.blockNumber = 42;
    chain.attested(OWNER, claim("root"));

    assertThat(chain.exists(id("root"))).isTrue();
    assertThat(chain.dataset(id("root")))
        .isEqualTo(
            new Dataset(
                OWNER, id("content of root"), "ipfs://bafy/root", "CC-BY-4.0", 42, false, 0));
    assertThat(chain.parentsOf(id("root"))).isEmpty();
    assertThat(chain.childrenOf(id("root"))).isEmpty();
    assertThat(chain.isTainted(id("root"))).isFalse();
    assertThat(chain.taintSource(id("root"))).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void lineageIsRecordedBothWays() {
    chain.attested(OWNER, claim("a"));
    chain.attested(OTHER_OWNER, claim("b"));
    chain.attested(OWNER, claim("child", id("b"), id("a")));
    chain.attested(OTHER_OWNER, claim("grandchild", id("child")));

    assertThat(chain.parentsOf(id("child"))).containsExactly(id("b"), id("a"));
    assertThat(chain.childrenOf(id("a"))).containsExactly(id("child"));
    assertThat(chain.childrenOf(id("b"))).containsExactly(id("child"));
    assertThat(chain.childrenOf(id("child"))).containsExactly(id("grandchild"));
    assertThat(chain.dataset(id("grandchild")).owner()).isEqualTo(OTHER_OWNER);
  }

  @Test
  void longTextIsStoredAndReadBackExactly() {
    String uri = "https://data.example/sets/" + "é".repeat(500);
    String license = "L".repeat(DataProvenance.MAX_LICENSE_BYTES);
    chain.attested(OWNER, new DatasetClaim(id("long"), id("content"), uri, license, List.of()));

    Dataset dataset = chain.dataset(id("long"));
    assertThat(dataset.uri()).isEqualTo(uri);
    assertThat(dataset.license()).isEqualTo(license);
  }

  @Test
  void attestEmitsDatasetAttestedWithEveryField() {
    chain.attested(OWNER, claim("a"));
    CallOutcome outcome = succeeded(chain.attest(OWNER, claim("child", id("a"))));

    assertThat(outcome.logs()).hasSize(1);
    Log log = outcome.logs().get(0);
    assertThat(log.address()).isEqualTo(DataProvenance.ADDRESS);
    assertThat(log.topics())
        .containsExactly(
            topic("DatasetAttested(bytes32,address,bytes32,string,string,bytes32[])"),
            id("child"),
            OWNER.toWord());
    List<Type> data =
        ProvenanceHarness.decode(
            log.data(),
            List.<TypeReference<?>>of(
                new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {},
                new TypeReference<Utf8String>() {},
                new TypeReference<Utf8String>() {},
                new TypeReference<DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>>() {}));
    assertThat(Bytes32.wrap((byte[]) data.get(0).getValue())).isEqualTo(id("content of child"));
    assertThat(data.get(1).getValue()).isEqualTo("ipfs://bafy/child");
    assertThat(data.get(2).getValue()).isEqualTo("CC-BY-4.0");
    @SuppressWarnings("unchecked")
    List<org.web3j.abi.datatypes.generated.Bytes32> parents =
        ((DynamicArray<org.web3j.abi.datatypes.generated.Bytes32>) data.get(3)).getValue();
    assertThat(parents).extracting(p -> Bytes32.wrap(p.getValue())).containsExactly(id("a"));
  }

  @Test
  void sixteenParentsAreAccepted() {
    Bytes32[] parents = attestRoots(DataProvenance.MAX_PARENTS);

    succeeded(chain.attest(OWNER, claim("wide", parents)));

    assertThat(chain.parentsOf(id("wide"))).containsExactly(parents);
  }

  // ---- refusals: each names the problem and changes nothing

  @Test
  void duplicateIdIsRefused() {
    chain.blockNumber = 7;
    chain.attested(OWNER, claim("a"));
    chain.blockNumber = 8;
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attest(OTHER_OWNER, claim("a"));

    chain.assertRefused(
        before,
        outcome,
        "dataset "
            + id("a").toHexString()
            + " already exists (attested by "
            + OWNER
            + " in block 7)");
  }

  @Test
  void unknownParentIsRefused() {
    chain.attested(OWNER, claim("a"));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attest(OWNER, claim("child", id("a"), id("ghost")));

    chain.assertRefused(
        before,
        outcome,
        "parent "
            + id("ghost").toHexString()
            + " of dataset "
            + id("child").toHexString()
            + " does not exist");
  }

  @Test
  void duplicateParentIsRefused() {
    chain.attested(OWNER, claim("a"));
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attest(OWNER, claim("child", id("a"), id("a")));

    chain.assertRefused(
        before,
        outcome,
        "parent "
            + id("a").toHexString()
            + " of dataset "
            + id("child").toHexString()
            + " is listed twice");
  }

  @Test
  void tooManyParentsAreRefused() {
    Bytes32[] parents = attestRoots(DataProvenance.MAX_PARENTS + 1);
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attest(OWNER, claim("too-wide", parents));

    chain.assertRefused(
        before,
        outcome,
        "dataset " + id("too-wide").toHexString() + " cites 17 parents; at most 16 are allowed");
  }

  @Test
  void zeroIdIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.attest(OWNER, new DatasetClaim(Bytes32.ZERO, id("c"), "u", "l", List.of()));

    chain.assertRefused(before, outcome, "dataset id must not be zero");
  }

  @Test
  void zeroContentHashIsRefused() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome =
        chain.attest(OWNER, new DatasetClaim(id("a"), Bytes32.ZERO, "u", "l", List.of()));

    chain.assertRefused(
        before, outcome, "content hash of dataset " + id("a").toHexString() + " must not be zero");
  }

  @Test
  void oversizedUriAndLicenseAreRefused() {
    InMemorySlotStore before = chain.store.copy();
    String uri = "u".repeat(DataProvenance.MAX_URI_BYTES + 1);
    String license = "l".repeat(DataProvenance.MAX_LICENSE_BYTES + 1);

    chain.assertRefused(
        before,
        chain.attest(OWNER, new DatasetClaim(id("a"), id("c"), uri, "MIT", List.of())),
        "uri of dataset " + id("a").toHexString() + " has 2049 bytes; at most 2048 are allowed");
    chain.assertRefused(
        before,
        chain.attest(OWNER, new DatasetClaim(id("a"), id("c"), "u", license, List.of())),
        "license of dataset " + id("a").toHexString() + " has 257 bytes; at most 256 are allowed");
  }

  @Test
  void accountThatIsNotPermittedCannotAttest() {
    InMemorySlotStore before = chain.store.copy();

    CallOutcome outcome = chain.attest(OUTSIDER, claim("a"));

    chain.assertRefused(
        before, outcome, "account " + OUTSIDER + " is not permitted and cannot own datasets");
  }

  @Test
  void viewsOfAnUnknownDatasetSayItDoesNotExist() {
    String reason = "dataset " + id("ghost").toHexString() + " does not exist";
    for (String view :
        List.of("getDataset", "parentsOf", "childrenOf", "isTainted", "taintSource")) {
      CallOutcome outcome = chain.call(OWNER, view, abi(id("ghost")));
      assertThat(outcome.revertReason()).as(view).contains(reason);
    }
    assertThat(chain.exists(id("ghost"))).isFalse();
  }

  // ---- the contract's place in the chain

  @Test
  void designSignaturesHaveTheirStandardSelectors() {
    var functions = new DataProvenance().functions();
    for (String signature :
        List.of(
            "attest(bytes32,bytes32,string,string,bytes32[])",
            "attestFor(address,bytes32,bytes32,string,string,bytes32[],uint256,bytes)",
            "nonces(address)",
            "revoke(bytes32,bytes32)",
            "isTainted(bytes32)",
            "endorse(bytes32)",
            "getDataset(bytes32)",
            "parentsOf(bytes32)",
            "childrenOf(bytes32)",
            "exists(bytes32)",
            "DOMAIN_SEPARATOR()")) {
      Bytes selector = Bytes.fromHexString(Hash.sha3String(signature)).slice(0, 4);
      assertThat(functions.bySelector(selector)).as(signature).isPresent();
    }
  }

  @Test
  void boundsAreReadableOnChain() {
    assertThat(chain.viewUint("MAX_PARENTS")).isEqualTo(BigInteger.valueOf(16));
    assertThat(chain.viewUint("MAX_LINEAGE_NODES")).isEqualTo(BigInteger.valueOf(256));
  }

  @Test
  void domainSeparatorViewAnswersTheChainsDomain() {
    assertThat(chain.viewBytes32("DOMAIN_SEPARATOR"))
        .isEqualTo(Eip712Domain.provenance(TypedDataSigner.CHAIN_ID).separator());
  }

  @Test
  void standardContractsRunDataProvenanceAtItsFixedAddress() {
    NativeContracts contracts = NativeContracts.standard();

    assertThat(contracts.at(NativeAddresses.DATA_PROVENANCE))
        .containsInstanceOf(DataProvenance.class);
    assertThat(NativeAddresses.DATA_PROVENANCE.toHexString())
        .isEqualTo("0x0000000000000000000000000000000000001002");
  }

  private Bytes32[] attestRoots(int count) {
    List<Bytes32> ids = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i -> {
              chain.attested(OWNER, claim("root-" + i));
              ids.add(id("root-" + i));
            });
    return ids.toArray(Bytes32[]::new);
  }
}
