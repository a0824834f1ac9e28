package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class AbiCodecTest {
  private static AbiCodec codec(String... types) {
    return AbiCodec.of(List.of(types).stream().map(AbiType::parse).toList());
  }

  private static Bytes word(long value) {
    return UInt256.valueOf(value).toBytes();
  }

  private static Bytes words(Bytes... words) {
    return Bytes.concatenate(words);
  }

  @Test
  void decodesACanonicalEncoding() {
    Bytes data = words(Bytes32.leftPad(Bytes.fromHexString("0x1000")), word(1));

    var values = codec("address", "bool").decode(data).orElseThrow();

    assertThat(values.get(0).toString()).isEqualTo("0x0000000000000000000000000000000000001000");
    assertThat(values.get(1).getValue()).isEqualTo(true);
  }

  @Test
  void addressWithHighBitsSetIsRefused() {
    Bytes dirty =
        Bytes32.fromHexString("0x0100000000000000000000000000000000000000000000000000000000001000");

    assertThat(codec("address").decode(dirty)).isEmpty();
  }

  @Test
  void boolOtherThanZeroOrOneIsRefused() {
    assertThat(codec("bool").decode(word(2))).isEmpty();
  }

  @Test
  void smallIntegerWithHighBitsIsRefused() {
    Bytes tooBig = UInt256.ONE.shiftLeft(64).toBytes();

    assertThat(codec("uint64").decode(tooBig)).isEmpty();
    assertThat(codec("uint256").decode(tooBig)).isPresent();
  }

  @Test
  void fixedBytesWithDirtyPaddingIsRefused() {
    Bytes dirty =
        Bytes32.fromHexString("0xab00000000000000000000000000000000000000000000000000000000000001");

    assertThat(codec("bytes4").decode(dirty)).isEmpty();
  }

  @Test
  void tooShortInputIsRefused() {
    assertThat(codec("uint256", "uint256").decode(word(1))).isEmpty();
    assertThat(codec("uint256").decode(Bytes.EMPTY)).isEmpty();
  }

  @Test
  void hugeArrayLengthIsRefusedBeforeAnythingIsAllocated() {
    Bytes data = words(word(32), word(Integer.MAX_VALUE));

    assertThat(codec("address[]").decode(data)).isEmpty();
  }

  @Test
  void lengthWordBeyond63BitsIsRefused() {
    Bytes data = words(word(32), Bytes32.fromHexString("0x" + "ff".repeat(32)));

    assertThat(codec("bytes").decode(data)).isEmpty();
  }

  @Test
  void arrayLengthThatOverflowsWhenCountedInBytesIsRefused() {
    // 2^58 + 3 elements of 32 bytes each is 2^63 + 96 bytes, negative as a long
    Bytes length = UInt256.ONE.shiftLeft(58).add(UInt256.valueOf(3)).toBytes();
    Bytes data = words(word(32), length, word(1), word(2), word(3));

    assertThat(codec("bytes32[]").decode(data)).isEmpty();
    assertThat(codec("bytes").decode(data)).isEmpty();
  }

  @Test
  void arrayLongerThanItsDataIsRefused() {
    Bytes data = words(word(32), word(2), word(1));

    assertThat(codec("uint256[]").decode(data)).isEmpty();
    assertThat(codec("uint256[]").decode(words(word(32), word(2), word(1), word(2)))).isPresent();
  }

  @Test
  void offsetOutsideTheInputIsRefused() {
    assertThat(codec("string").decode(words(word(4096), word(0)))).isEmpty();
    assertThat(codec("string").decode(words(Bytes32.fromHexString("0x" + "ff".repeat(32)))))
        .isEmpty();
  }

  @Test
  void unusualButInBoundsOffsetIsRefused() {
    Bytes gap = words(word(64), word(0), word(0));

    assertThat(codec("bytes").decode(gap)).isEmpty();
    assertThat(codec("bytes").decode(words(word(32), word(0)))).isPresent();
  }

  @Test
  void stringThatIsNotUtf8IsRefused() {
    Bytes data = words(word(32), word(2), Bytes32.rightPad(Bytes.fromHexString("0xc328")));

    assertThat(codec("string").decode(data)).isEmpty();
  }

  @Test
  void stringWithDirtyPaddingIsRefused() {
    Bytes clean = words(word(32), word(2), Bytes32.rightPad(Bytes.fromHexString("0x6869")));
    Bytes dirty = words(word(32), word(2), Bytes32.rightPad(Bytes.fromHexString("0x686900000001")));

    assertThat(codec("string").decode(clean).orElseThrow().get(0).getValue()).isEqualTo("hi");
    assertThat(codec("string").decode(dirty)).isEmpty();
  }

  @Test
  void functionWithoutParametersAcceptsAnyTrailingInput() {
    assertThat(codec().decode(Bytes.fromHexString("0x01"))).contains(List.of());
  }

  @Test
  void encodingRoundTrips() {
    Bytes data = words(word(64), word(7), word(2), word(11), word(12));

    var values = codec("uint8[]", "uint8").decode(data).orElseThrow();

    assertThat(AbiCodec.encode(values)).isEqualTo(data);
  }
}
