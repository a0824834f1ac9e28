package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ailedger.precompiles.CallContext;
import org.ailedger.precompiles.ContractState;
import org.ailedger.precompiles.gas.GasMeter;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class AbiEventTest {
  private static final AbiEvent TRANSFER =
      AbiEvent.parse("Transfer(address indexed from, address indexed to, uint256 value)");

  /** Records what is emitted; nothing else is used by events. */
  private static final class Recorder implements ContractState {
    final List<List<Bytes32>> topics = new ArrayList<>();
    final List<Bytes> data = new ArrayList<>();

    @Override
    public Address address() {
      return Address.of(1);
    }

    @Override
    public CallContext context() {
      throw new UnsupportedOperationException();
    }

    @Override
    public GasMeter gas() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Bytes32 load(Bytes32 slot) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void store(Bytes32 slot, Bytes32 value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void emit(List<Bytes32> topics, Bytes data) {
      this.topics.add(topics);
      this.data.add(data);
    }

    @Override
    public ContractState contract(Address other) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void topicIsKeccakOfTheCanonicalSignature() {
    assertThat(TRANSFER.canonical()).isEqualTo("Transfer(address,address,uint256)");
    assertThat(TRANSFER.topic())
        .isEqualTo(
            Bytes32.fromHexString(
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
  }

  @Test
  void indexedValuesBecomeTopicsAndTheRestData() {
    Recorder recorder = new Recorder();
    Address from = Address.of(0xaa);
    Address to = Address.of(0xbb);

    TRANSFER.emit(
        recorder,
        AbiValues.address(from),
        AbiValues.address(to),
        AbiValues.uint256(UInt256.valueOf(500)));

    assertThat(recorder.topics)
        .containsExactly(List.of(TRANSFER.topic(), from.toWord(), to.toWord()));
    assertThat(recorder.data).containsExactly(UInt256.valueOf(500).toBytes());
  }

  @Test
  void valuesOfTheWrongTypeOrCountAreBugs() {
    Recorder recorder = new Recorder();

    assertThatThrownBy(() -> TRANSFER.emit(recorder, AbiValues.address(Address.of(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TRANSFER.emit(
                    recorder,
                    AbiValues.address(Address.of(1)),
                    AbiValues.bool(true),
                    AbiValues.uint256(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void indexedDynamicValuesAndTooManyIndexedAreRefused() {
    assertThatThrownBy(() -> AbiEvent.parse("E(string indexed s)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                AbiEvent.parse("E(bool indexed a, bool indexed b, bool indexed c, bool indexed d)"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
