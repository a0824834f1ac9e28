package org.ailedger.precompiles.abi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Decodes a parameter list only from its canonical encoding: the heads in order, each dynamic
 * value's tail right after the previous one, every word and pad exactly as an encoder writes it
 * (zero high bits of a uintN and an address, sign extension of an intN, zero low bytes of a bytesN,
 * a bool of 0 or 1, zero padding after bytes and strings, valid UTF-8). Bytes after the encoding
 * are allowed, as Solidity allows them. It reads the input once, by offset, into web3j's values;
 * decoding with web3j and encoding again to compare, as before, cost a tenth of a block's
 * execution.
 */
@SuppressWarnings("rawtypes") // web3j's ABI values are the raw Type
final class CanonicalDecoder {
  private static final int WORD = 32;

  /** Reads the one-word value at an offset, or null when the word is not canonical. */
  @FunctionalInterface
  private interface WordReader {
    Type read(byte[] data, int at);
  }

  private final List<AbiType> types;
  private final List<Reader> readers;

  /**
   * How one parameter is read: a word in the head, or a tail behind an offset; for an array, its
   * elements' web3j class, looked up once here rather than on every call.
   */
  private record Reader(AbiType type, WordReader word, Class<Type> elementClass) {}

  CanonicalDecoder(List<AbiType> types) {
    this.types = List.copyOf(types);
    List<Reader> readers = new ArrayList<>(types.size());
    for (AbiType type : this.types) {
      WordReader word =
          switch (type) {
            case AbiType.Word w -> wordReader(w);
            case AbiType.Array a -> wordReader(a.element());
            case AbiType.Blob b -> null;
          };
      Class<Type> elementClass = type instanceof AbiType.Array a ? classOf(a.element()) : null;
      readers.add(new Reader(type, word, elementClass));
    }
    this.readers = List.copyOf(readers);
  }

  Optional<List<Type>> decode(Bytes input) {
    byte[] data = input.toArrayUnsafe();
    int size = input.size();
    long head = (long) WORD * types.size();
    if (head > size) {
      return Optional.empty();
    }
    long tail = head;
    List<Type> values = new ArrayList<>(types.size());
    for (int i = 0; i < readers.size(); i++) {
      Reader reader = readers.get(i);
      int at = WORD * i;
      if (reader.type() instanceof AbiType.Word) {
        Type value = reader.word().read(data, at);
        if (value == null) {
          return Optional.empty();
        }
        values.add(value);
        continue;
      }
      if (smallWord(data, at) != tail || tail + WORD > size) {
        return Optional.empty();
      }
      long length = smallWord(data, (int) tail);
      int start = (int) tail + WORD;
      Type value;
      long used;
      switch (reader.type()) {
        case AbiType.Blob blob -> {
          // the length is checked before any arithmetic on it can overflow
          if (length < 0 || length > size - start) {
            return Optional.empty();
          }
          used = (length + WORD - 1) / WORD * WORD;
          if (used > size - start || !zero(data, start + length, start + used)) {
            return Optional.empty();
          }
          byte[] bytes = Arrays.copyOfRange(data, start, start + (int) length);
          value = "string".equals(blob.name()) ? utf8(bytes) : new DynamicBytes(bytes);
        }
        case AbiType.Array array -> {
          if (length < 0 || length > (size - start) / WORD) {
            return Optional.empty();
          }
          used = length * WORD;
          value = array(reader, data, start, (int) length);
        }
        case AbiType.Word word -> throw new IllegalStateException("read in the head");
      }
      if (value == null) {
        return Optional.empty();
      }
      values.add(value);
      tail = start + used;
    }
    return Optional.of(List.copyOf(values));
  }

  @SuppressWarnings("unchecked")
  private static Type array(Reader reader, byte[] data, int at, int n) {
    List<Type> elements = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      Type element = reader.word().read(data, at + WORD * k);
      if (element == null) {
        return null;
      }
      elements.add(element);
    }
    return new DynamicArray(reader.elementClass(), elements);
  }

  private static Type utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Utf8String(text);
    } catch (CharacterCodingException invalid) {
      return null;
    }
  }

  private static WordReader wordReader(AbiType.Word type) {
    String name = type.name();
    if ("address".equals(name)) {
      return (data, at) ->
          zero(data, at, at + WORD - 20) ? new Address(unsigned(data, at + WORD - 20, 20)) : null;
    }
    if ("bool".equals(name)) {
      return (data, at) -> {
        if (!zero(data, at, at + WORD - 1) || (data[at + WORD - 1] & 0xfe) != 0) {
          return null;
        }
        return new Bool(data[at + WORD - 1] == 1);
      };
    }
    MethodHandle constructor = constructorOf(type);
    if (name.startsWith("uint")) {
      int width = Integer.parseInt(name.substring(4)) / 8;
      return (data, at) ->
          zero(data, at, at + WORD - width)
              ? create(constructor, unsigned(data, at + WORD - width, width))
              : null;
    }
    if (name.startsWith("int")) {
      int width = Integer.parseInt(name.substring(3)) / 8;
      return (data, at) -> {
        byte extension = (byte) (data[at + WORD - width] < 0 ? 0xff : 0);
        for (int k = at; k < at + WORD - width; k++) {
          if (data[k] != extension) {
            return null;
          }
        }
        return create(
            constructor, new BigInteger(Arrays.copyOfRange(data, at + WORD - width, at + WORD)));
      };
    }
    int width = Integer.parseInt(name.substring(5));
    return (data, at) ->
        zero(data, at + width, at + WORD)
            ? create(constructor, Arrays.copyOfRange(data, at, at + width))
            : null;
  }

  private static MethodHandle constructorOf(AbiType.Word type) {
    Class<Type> valueClass = classOf(type);
    Class<?> parameter = type.name().startsWith("bytes") ? byte[].class : BigInteger.class;
    try {
      return MethodHandles.publicLookup()
          .findConstructor(valueClass, MethodType.methodType(void.class, parameter))
          .asType(MethodType.methodType(Type.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("web3j has no constructor for " + type.name(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<Type> classOf(AbiType.Word type) {
    try {
      return (Class<Type>) TypeReference.makeTypeReference(type.name()).getClassType();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("web3j has no type for " + type.name(), e);
    }
  }

  private static Type create(MethodHandle constructor, Object value) {
    try {
      return (Type) constructor.invokeExact(value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("web3j's value constructor failed", e);
    }
  }

  private static BigInteger unsigned(byte[] data, int at, int width) {
    return new BigInteger(1, data, at, width);
  }

  private static boolean zero(byte[] data, long from, long to) {
    for (long k = from; k < to; k++) {
      if (data[(int) k] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The word at {@code at} as a non-negative long, or -1 if it does not fit in 63 bits. */
  private static long smallWord(byte[] data, int at) {
    for (int k = at; k < at + WORD - 8; k++) {
      if (data[k] != 0) {
        return -1;
      }
    }
    long value = 0;
    for (int k = at + WORD - 8; k < at + WORD; k++) {
      value = (value << 8) | (data[k] & 0xff);
    }
    return value;
  }
}
