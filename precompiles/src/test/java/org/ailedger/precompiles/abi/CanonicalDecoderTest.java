package org.ailedger.precompiles.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Int8;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The canonical decoder against an independent oracle: web3j decodes, and the values must encode
 * back to the input. On random parameter lists and on random corruptions of their encodings, both
 * must accept the same inputs and give the same values.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class CanonicalDecoderTest {
  private static final List<String> TYPES =
      List.of(
          "address",
          "bool",
          "uint8",
          "uint64",
          "uint256",
          "int8",
          "int256",
          "bytes4",
          "bytes32",
          "bytes",
          "string",
          "address[]",
          "bytes32[]",
          "uint256[]");

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void acceptsExactlyWhatWeb3jDecodesAndReEncodesToTheSameBytes(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 300; round++) {
      List<AbiType> types = new ArrayList<>();
      List<Type> values = new ArrayList<>();
      int n = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        String name = TYPES.get(random.nextInt(TYPES.size()));
        types.add(AbiType.parse(name));
        values.add(randomValue(name, random));
      }
      Bytes canonical = Bytes.fromHexString(FunctionEncoder.encodeConstructor(values));
      CanonicalDecoder decoder = new CanonicalDecoder(types);

      assertThat(decoder.decode(canonical)).contains(values);
      Bytes trailing = Bytes.concatenate(canonical, Bytes.random(1 + random.nextInt(40), random));
      assertThat(decoder.decode(trailing)).contains(values);
      for (int m = 0; m < 20; m++) {
        Bytes corrupted = corrupt(canonical, random);
        assertThat(decoder.decode(corrupted))
            .as("%s decoding %s", types, corrupted)
            .isEqualTo(oracle(types, corrupted));
      }
    }
  }

  private static Bytes corrupt(Bytes canonical, Random random) {
    byte[] bytes = canonical.toArray();
    switch (random.nextInt(4)) {
      case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      case 2 -> {
        // a small change to the low byte of some word: offsets, lengths, bools
        int word = random.nextInt(bytes.length / 32);
        bytes[word * 32 + 31] += (byte) (random.nextBoolean() ? 1 : -1);
      }
      default -> {
        return canonical.slice(0, random.nextInt(canonical.size()));
      }
    }
    return Bytes.wrap(bytes);
  }

  /** web3j's decoding, accepted only if it encodes back to the input; bounds checked first. */
  private static Optional<List<Type>> oracle(List<AbiType> types, Bytes data) {
    if (!withinBounds(types, data)) {
      return Optional.empty();
    }
    List<TypeReference<Type>> references = new ArrayList<>();
    for (AbiType type : types) {
      try {
        references.add((TypeReference<Type>) TypeReference.makeTypeReference(type.name()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    List<Type> values;
    try {
      values = FunctionReturnDecoder.decode(data.toUnprefixedHexString(), references);
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    if (values.size() != types.size()) {
      return Optional.empty();
    }
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).getTypeAsString().equals(types.get(i).name())) {
        return Optional.empty();
      }
    }
    Bytes again = Bytes.fromHexString(FunctionEncoder.encodeConstructor(values));
    if (again.size() > data.size() || !data.slice(0, again.size()).equals(again)) {
      return Optional.empty();
    }
    return Optional.of(values);
  }

  // web3j sizes lists from the claimed length, so the oracle must not see a huge one
  private static boolean withinBounds(List<AbiType> types, Bytes data) {
    long size = data.size();
    if (32L * types.size() > size) {
      return false;
    }
    for (int i = 0; i < types.size(); i++) {
      if (!types.get(i).dynamic()) {
        continue;
      }
      BigInteger offset = data.slice(32 * i, 32).toUnsignedBigInteger();
      if (offset.compareTo(BigInteger.valueOf(size - 32)) > 0) {
        return false;
      }
      BigInteger length = data.slice(offset.intValue(), 32).toUnsignedBigInteger();
      if (length.compareTo(BigInteger.valueOf(size)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Type randomValue(String name, Random random) {
    return switch (name) {
      case "address" -> new Address(new BigInteger(160, random));
      case "bool" -> new Bool(random.nextBoolean());
      case "uint8" -> new Uint8(new BigInteger(8, random));
      case "uint64" -> new Uint64(new BigInteger(64, random));
      case "uint256" -> new Uint256(new BigInteger(256, random));
      case "int8" -> new Int8(BigInteger.valueOf(random.nextInt(256) - 128));
      case "int256" ->
          new Int256(new BigInteger(255, random).subtract(BigInteger.ONE.shiftLeft(254)));
      case "bytes4" -> new Bytes4(Bytes.random(4, random).toArray());
      case "bytes32" -> new Bytes32(Bytes.random(32, random).toArray());
      case "bytes" -> new DynamicBytes(Bytes.random(random.nextInt(70), random).toArray());
      case "string" -> new Utf8String(randomText(random));
      case "address[]" -> array(Address.class, random, r -> new Address(new BigInteger(160, r)));
      case "bytes32[]" ->
          array(Bytes32.class, random, r -> new Bytes32(Bytes.random(32, r).toArray()));
      case "uint256[]" -> array(Uint256.class, random, r -> new Uint256(new BigInteger(256, r)));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0x4e00 + i);
    }
    return text.toString();
  }

  private static <T extends Type> DynamicArray<T> array(
      Class<T> element, Random random, java.util.function.Function<Random, T> make) {
    List<T> elements = new ArrayList<>();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      elements.add(make.apply(random));
    }
    return new DynamicArray<>(element, elements);
  }
}
