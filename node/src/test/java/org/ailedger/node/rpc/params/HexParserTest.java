package org.ailedger.node.rpc.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.ailedger.node.rpc.RpcError;
import org.ailedger.node.rpc.RpcException;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

class HexParserTest {
  private static final String WHERE = "argument 0 (x)";

  @Test
  void quantitiesParseWithoutLeadingZeros() {
    assertThat(HexParser.quantityLong(text("0x0"), WHERE)).isZero();
    assertThat(HexParser.quantityLong(text("0x539"), WHERE)).isEqualTo(1337);
    assertThat(HexParser.quantityLong(text("0x1aF"), WHERE)).isEqualTo(0x1af);
    assertThat(HexParser.quantityLong(text("0x7fffffffffffffff"), WHERE)).isEqualTo(Long.MAX_VALUE);
    assertThat(HexParser.quantityUInt256(text("0x" + "f".repeat(64)), WHERE))
        .isEqualTo(UInt256.MAX_VALUE);
  }

  @Test
  void malformedQuantitiesAreInvalidParamsWithTheReason() {
    assertRejected(
        () -> HexParser.quantityLong(text("0x01"), WHERE),
        "invalid argument 0 (x): hex number \"0x01\" has leading zero digits");
    assertRejected(
        () -> HexParser.quantityLong(text("0x"), WHERE),
        "invalid argument 0 (x): hex number \"0x\" has no digits");
    assertRejected(
        () -> HexParser.quantityLong(text("12"), WHERE),
        "invalid argument 0 (x): a hex number \"12\" lacks the 0x prefix");
    assertRejected(
        () -> HexParser.quantityLong(text("0X1"), WHERE),
        "invalid argument 0 (x): a hex number \"0X1\" has an upper-case 0X prefix; want 0x");
    assertRejected(
        () -> HexParser.quantityLong(text("0x1g"), WHERE),
        "invalid argument 0 (x): a hex number \"0x1g\" has a non-hex character at 3");
    assertRejected(
        () -> HexParser.quantityLong(IntNode.valueOf(12), WHERE),
        "invalid argument 0 (x): want a hex number as a 0x-prefixed string, got a number");
    assertRejected(
        () -> HexParser.quantityLong(text("0x8000000000000000"), WHERE),
        "invalid argument 0 (x): hex number \"0x8000000000000000\" exceeds 2^63-1");
    assertRejected(
        () -> HexParser.quantityUInt256(text("0x1" + "0".repeat(64)), WHERE),
        "invalid argument 0 (x): hex number \"0x1" + "0".repeat(64) + "\" exceeds 256 bits");
  }

  @Test
  void dataNeedsAnEvenNumberOfDigits() {
    assertThat(HexParser.data(text("0x"), WHERE)).isEqualTo(Bytes.EMPTY);
    assertThat(HexParser.data(text("0x00ff"), WHERE)).isEqualTo(Bytes.fromHexString("0x00ff"));
    assertRejected(
        () -> HexParser.data(text("0xabc"), WHERE),
        "invalid argument 0 (x): hex data \"0xabc\" has an odd number of digits");
    assertRejected(
        () -> HexParser.data(NullNode.getInstance(), WHERE),
        "invalid argument 0 (x): want hex data as a 0x-prefixed string, got null");
  }

  @Test
  void addressesAndHashesHaveFixedLengths() {
    assertThat(HexParser.address(text("0x" + "AB".repeat(20)), WHERE))
        .isEqualTo(new Address(Bytes.fromHexString("ab".repeat(20))));
    assertThat(HexParser.hash(text("0x" + "01".repeat(32)), WHERE))
        .isEqualTo(Bytes32.fromHexString("01".repeat(32)));
    assertRejected(
        () -> HexParser.address(text("0x" + "ab".repeat(19)), WHERE),
        "invalid argument 0 (x): an address has 40 hex digits, got 38 in \"0x"
            + "ab".repeat(19)
            + "\"");
    // a checksummed address has upper-case digits, but its prefix is always a lower-case 0x
    assertRejected(
        () -> HexParser.address(text("0X" + "ab".repeat(20)), WHERE),
        "invalid argument 0 (x): an address \"0X"
            + "ab".repeat(20)
            + "\" has an upper-case 0X prefix; want 0x");
  }

  @Test
  void storageSlotsMayBeShortOrPadded() {
    assertThat(HexParser.storageSlot(text("0x0"), WHERE)).isEqualTo(Bytes32.ZERO);
    assertThat(HexParser.storageSlot(text("0x1"), WHERE)).isEqualTo(Bytes32.fromHexString("0x01"));
    assertThat(HexParser.storageSlot(text("0x" + "0".repeat(63) + "2"), WHERE))
        .isEqualTo(Bytes32.fromHexString("0x02"));
    assertRejected(
        () -> HexParser.storageSlot(text("0x" + "1".repeat(65)), WHERE),
        "invalid argument 0 (x): a storage slot has 1 to 64 hex digits, got 65");
  }

  @Test
  void longValuesAreShortenedInErrors() {
    String huge = "0x" + "z".repeat(10_000);

    assertThatThrownBy(() -> HexParser.data(text(huge), WHERE))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  private static JsonNode text(String value) {
    return TextNode.valueOf(value);
  }

  private static void assertRejected(Runnable parse, String message) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            RpcException.class,
            e -> {
              assertThat(e.error()).isEqualTo(RpcError.INVALID_PARAMS);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }
}
