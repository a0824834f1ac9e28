package org.ailedger.indexer.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ailedger.chaincode.bindings.ContributionToken;
import org.ailedger.chaincode.bindings.DataProvenance;
import org.ailedger.chaincode.bindings.ModelRegistry;
import org.ailedger.chaincode.bindings.Permissions;
import org.ailedger.chaincode.bindings.QuadraticGovernor;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

class EventDecoderTest {
  private static final LogPosition AT =
      new LogPosition(7, 3, Bytes32.fromHexString(Hash.sha3String("b")), Bytes32.ZERO, 2);
  private static final String CONTRIBUTOR = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private final EventDecoder decoder = EventDecoder.nativeContracts();

  @Test
  void theCatalogueCoversEveryEventOfEveryBinding() throws IllegalAccessException {
    List<String> inBindings = new ArrayList<>();
    for (Class<?> binding :
        List.of(
            Permissions.class,
            ModelRegistry.class,
            DataProvenance.class,
            ContributionToken.class,
            QuadraticGovernor.class)) {
      for (Field field : binding.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == Event.class) {
          inBindings.add(binding.getSimpleName() + "." + ((Event) field.get(null)).getName());
        }
      }
    }
    List<String> catalogued =
        EventCatalogue.nativeContracts().stream()
            .map(type -> bindingName(type.contract()) + "." + type.name())
            .toList();
    assertThat(catalogued).containsExactlyInAnyOrderElementsOf(inBindings).hasSize(27);
  }

  @Test
  void indexedAndDataParametersComeBackInDeclarationOrder() {
    Bytes32 model = id("model");
    Bytes32 first = id("d1");
    Bytes32 second = id("d2");
    RawLog log =
        log(
            NativeContract.MODEL_REGISTRY,
            ModelRegistry.UPDATEDATASETS_EVENT,
            List.of(
                new org.web3j.abi.datatypes.generated.Bytes32(model.toArrayUnsafe()),
                new Uint64(5),
                new Address(CONTRIBUTOR)),
            List.of(
                new DynamicArray<>(
                    org.web3j.abi.datatypes.generated.Bytes32.class,
                    List.of(
                        new org.web3j.abi.datatypes.generated.Bytes32(first.toArrayUnsafe()),
                        new org.web3j.abi.datatypes.generated.Bytes32(second.toArrayUnsafe()))),
                new org.web3j.abi.datatypes.generated.Bytes32(id("metrics").toArrayUnsafe())));

    Optional<DecodedLog> decoded = decoder.decode(log);

    assertThat(decoded)
        .contains(
            new DecodedLog(
                AT,
                new ModelRegistryEvent.UpdateDatasets(
                    model,
                    5,
                    EthAddress.fromHex(CONTRIBUTOR),
                    List.of(first, second),
                    id("metrics"))));
  }

  @Test
  void stringsNegativeNumbersAndSmallIntegersDecode() {
    RawLog attested =
        log(
            NativeContract.DATA_PROVENANCE,
            DataProvenance.DATASETATTESTED_EVENT,
            List.of(
                new org.web3j.abi.datatypes.generated.Bytes32(id("ds").toArrayUnsafe()),
                new Address(CONTRIBUTOR)),
            List.of(
                new org.web3j.abi.datatypes.generated.Bytes32(id("content").toArrayUnsafe()),
                new Utf8String("s3://bucket/x-rays"),
                new Utf8String("CC-BY-4.0"),
                new DynamicArray<>(org.web3j.abi.datatypes.generated.Bytes32.class, List.of())));
    RawLog reputation =
        log(
            NativeContract.MODEL_REGISTRY,
            ModelRegistry.REPUTATIONCHANGED_EVENT,
            List.of(new Address(CONTRIBUTOR)),
            List.of(new Int256(-1), new Int256(-4)));
    RawLog vote =
        log(
            NativeContract.QUADRATIC_GOVERNOR,
            QuadraticGovernor.VOTECAST_EVENT,
            List.of(
                new Uint256(2),
                new Address(CONTRIBUTOR),
                new org.web3j.abi.datatypes.generated.Bytes32(id("member").toArrayUnsafe())),
            List.of(new Uint8(1), new Uint256(31), new Uint256(BigInteger.TEN.pow(21))));

    assertThat(decoder.decode(attested).map(DecodedLog::event))
        .contains(
            new DataProvenanceEvent.DatasetAttested(
                id("ds"),
                EthAddress.fromHex(CONTRIBUTOR),
                id("content"),
                "s3://bucket/x-rays",
                "CC-BY-4.0",
                List.of()));
    assertThat(decoder.decode(reputation).map(DecodedLog::event))
        .contains(
            new ModelRegistryEvent.ReputationChanged(
                EthAddress.fromHex(CONTRIBUTOR), BigInteger.valueOf(-1), BigInteger.valueOf(-4)));
    assertThat(decoder.decode(vote).map(DecodedLog::event))
        .contains(
            new GovernorEvent.VoteCast(
                2,
                EthAddress.fromHex(CONTRIBUTOR),
                id("member"),
                1,
                BigInteger.valueOf(31),
                BigInteger.TEN.pow(21)));
  }

  @Test
  void anUnknownTopicOrAForeignContractIsSkipped() {
    RawLog transfer =
        log(
            NativeContract.CONTRIBUTION_TOKEN,
            ContributionToken.TRANSFER_EVENT,
            List.of(new Address(CONTRIBUTOR), new Address(CONTRIBUTOR)),
            List.of(new Uint256(1)));
    RawLog unknownTopic =
        new RawLog(
            transfer.address(),
            List.of(id("Unknown(uint256)")),
            transfer.data(),
            transfer.position());
    RawLog foreign =
        new RawLog(EthAddress.fromHex(CONTRIBUTOR), transfer.topics(), transfer.data(), AT);
    RawLog anonymous = new RawLog(transfer.address(), List.of(), transfer.data(), AT);

    assertThat(decoder.decode(transfer)).isPresent();
    assertThat(decoder.decode(unknownTopic)).isEmpty();
    assertThat(decoder.decode(foreign)).isEmpty();
    assertThat(decoder.decode(anonymous)).isEmpty();
  }

  @Test
  void aKnownTopicWithMalformedDataOrTopicsIsSkippedNotThrown() {
    RawLog transfer =
        log(
            NativeContract.CONTRIBUTION_TOKEN,
            ContributionToken.TRANSFER_EVENT,
            List.of(new Address(CONTRIBUTOR), new Address(CONTRIBUTOR)),
            List.of(new Uint256(1)));
    RawLog missingTopic =
        new RawLog(transfer.address(), transfer.topics().subList(0, 2), transfer.data(), AT);
    RawLog truncatedData =
        new RawLog(transfer.address(), transfer.topics(), Bytes.fromHexString("0x01"), AT);

    assertThat(decoder.decode(missingTopic)).isEmpty();
    assertThat(decoder.decode(truncatedData)).isEmpty();
  }

  @Test
  void eventJsonNamesParametersAsTheAbiAndKeepsBigNumbersExact() {
    LedgerEvent vote =
        new GovernorEvent.VoteCast(
            2,
            EthAddress.fromHex(CONTRIBUTOR),
            id("member"),
            1,
            BigInteger.ONE,
            BigInteger.TEN.pow(21));

    assertThat(EventJson.of(vote).encode())
        .isEqualTo(
            "{\"proposalId\":2,\"voter\":\""
                + CONTRIBUTOR
                + "\",\"memberId\":\""
                + id("member").toHexString()
                + "\",\"support\":1,\"weight\":\"1\",\"rawBalance\":\"1000000000000000000000\"}");
  }

  private static String bindingName(NativeContract contract) {
    return switch (contract) {
      case PERMISSIONS -> "Permissions";
      case MODEL_REGISTRY -> "ModelRegistry";
      case DATA_PROVENANCE -> "DataProvenance";
      case CONTRIBUTION_TOKEN -> "ContributionToken";
      case QUADRATIC_GOVERNOR -> "QuadraticGovernor";
    };
  }

  /** A log as a node would emit it, encoded by web3j from the event's ABI. */
  @SuppressWarnings("rawtypes")
  private static RawLog log(
      NativeContract contract, Event event, List<Type> indexed, List<Type> data) {
    List<Bytes32> topics = new ArrayList<>();
    topics.add(Bytes32.fromHexString(EventEncoder.encode(event)));
    for (Type value : indexed) {
      topics.add(Bytes32.fromHexString(TypeEncoder.encode(value)));
    }
    return new RawLog(
        contract.address(),
        topics,
        Bytes.fromHexString(FunctionEncoder.encodeConstructor(data)),
        AT);
  }

  private static Bytes32 id(String label) {
    return Bytes32.fromHexString(Hash.sha3String(label));
  }
}
