package org.ailedger.precompiles.provenance;

import static org.ailedger.precompiles.abi.AbiFunction.view;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.OWNER;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.claim;
import static org.ailedger.precompiles.provenance.ProvenanceFixtures.id;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.abi;
import static org.ailedger.precompiles.provenance.ProvenanceHarness.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ailedger.precompiles.CallOutcome;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.NativeContract;
import org.ailedger.precompiles.abi.AbiValues;
import org.ailedger.precompiles.abi.FunctionTable;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;

/**
 * Another native contract (a stand-in for ModelRegistry) asks DataProvenance through its Java API.
 */
@SuppressWarnings("rawtypes")
class ProvenanceViewTest {
  private static final Address REGISTRY = NativeAddresses.MODEL_REGISTRY;

  /** Answers (exists, taint source or zero) for one dataset, the way the registry will ask. */
  private record Registry(FunctionTable functions) implements NativeContract {
    Registry() {
      this(
          FunctionTable.of(
              "FakeRegistry",
              List.of(
                  view(
                      "check(bytes32 datasetId) returns (bool, bytes32)",
                      0,
                      (state, args) -> {
                        ProvenanceView provenance = ProvenanceView.of(state);
                        Bytes32 id = args.bytes32(0);
                        boolean exists = provenance.exists(id);
                        Bytes32 source =
                            exists ? provenance.taintSource(id).orElse(Bytes32.ZERO) : Bytes32.ZERO;
                        return List.of(AbiValues.bool(exists), AbiValues.bytes32(source));
                      }),
                  view(
                      "sourceOf(bytes32 datasetId) returns (bytes32)",
                      0,
                      (state, args) ->
                          List.of(
                              AbiValues.bytes32(
                                  ProvenanceView.of(state)
                                      .taintSource(args.bytes32(0))
                                      .orElse(Bytes32.ZERO)))))));
    }

    @Override
    public Address address() {
      return REGISTRY;
    }

    @Override
    public String name() {
      return "FakeRegistry";
    }

    @Override
    public Bytes call(ContractState state, Bytes input) {
      return functions.dispatch(state, input);
    }
  }

  private final ProvenanceHarness chain = new ProvenanceHarness(List.of(new Registry()));

  private List<Type> check(Bytes32 datasetId) {
    CallOutcome outcome =
        succeeded(chain.call(REGISTRY, OWNER, ProvenanceHarness.encode("check", abi(datasetId))));
    return ProvenanceHarness.decode(
        outcome.output(),
        List.<TypeReference<?>>of(
            new TypeReference<Bool>() {},
            new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {}));
  }

  @Test
  void unknownDatasetDoesNotExist() {
    List<Type> answer = check(id("ghost"));

    assertThat(answer.get(0).getValue()).isEqualTo(false);
  }

  @Test
  void cleanDatasetExistsWithoutTaint() {
    chain.attested(OWNER, claim("clean"));

    List<Type> answer = check(id("clean"));

    assertThat(answer.get(0).getValue()).isEqualTo(true);
    assertThat(Bytes32.wrap((byte[]) answer.get(1).getValue())).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void taintSourceNamesTheRevokedAncestor() {
    chain.attested(OWNER, claim("parent"));
    chain.attested(OWNER, claim("child", id("parent")));
    succeeded(chain.revoke(OWNER, id("parent"), id("reason")));

    List<Type> answer = check(id("child"));

    assertThat(Bytes32.wrap((byte[]) answer.get(1).getValue())).isEqualTo(id("parent"));
  }

  @Test
  void taintSourceOfUnknownDatasetRevertsTheCallerWithAReason() {
    CallOutcome outcome =
        chain.call(REGISTRY, OWNER, ProvenanceHarness.encode("sourceOf", abi(id("ghost"))));

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason())
        .contains("dataset " + id("ghost").toHexString() + " does not exist");
  }

  @Test
  void javaViewAgreesWithTheAbiViews() {
    chain.attested(OWNER, claim("a"));
    chain.attested(OWNER, claim("b", id("a")));
    CallOutcome viaRegistry =
        succeeded(chain.call(REGISTRY, OWNER, ProvenanceHarness.encode("sourceOf", abi(id("b")))));

    assertThat(Bytes32.wrap(viaRegistry.output())).isEqualTo(chain.taintSource(id("b")));
  }
}
