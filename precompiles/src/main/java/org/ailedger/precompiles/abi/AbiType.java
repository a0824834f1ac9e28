package org.ailedger.precompiles.abi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Solidity ABI types native contracts use, by canonical name: one-word values, {@code bytes}
 * and {@code string}, and dynamic arrays of one-word values. Tuples and fixed-size arrays are left
 * out until a contract needs them, which keeps the calldata bounds check small and exact.
 */
public sealed interface AbiType {
  /** The canonical name as it appears in a function selector, e.g. {@code uint256}. */
  String name();

  /** Whether the value lives in the tail of an encoding, behind an offset in the head. */
  boolean dynamic();

  /** A value that fills exactly one 32-byte word: address, bool, uintN, intN, bytesN. */
  record Word(String name) implements AbiType {
    public Word {
      if (!isWord(name)) {
        throw new IllegalArgumentException("not a one-word ABI type: " + name);
      }
    }

    @Override
    public boolean dynamic() {
      return false;
    }
  }

  /** {@code bytes} or {@code string}: a length word followed by padded data. */
  record Blob(String name) implements AbiType {
    public Blob {
      if (!"bytes".equals(name) && !"string".equals(name)) {
        throw new IllegalArgumentException("not bytes or string: " + name);
      }
    }

    @Override
    public boolean dynamic() {
      return true;
    }
  }

  /** {@code T[]} of a one-word type: a length word followed by one word per element. */
  record Array(Word element) implements AbiType {
    public Array {
      if (element == null) {
        throw new IllegalArgumentException("an array needs an element type");
      }
    }

    @Override
    public String name() {
      return element.name() + "[]";
    }

    @Override
    public boolean dynamic() {
      return true;
    }
  }

  /**
   * Parses a canonical type name. Aliases such as {@code uint} are refused: they would silently
   * produce a different function selector than the one clients compute.
   */
  static AbiType parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("type name is required");
    }
    if (name.endsWith("[]")) {
      String element = name.substring(0, name.length() - 2);
      if (!isWord(element)) {
        throw new IllegalArgumentException("unsupported ABI array type: " + name);
      }
      return new Array(new Word(element));
    }
    if ("bytes".equals(name) || "string".equals(name)) {
      return new Blob(name);
    }
    if (isWord(name)) {
      return new Word(name);
    }
    throw new IllegalArgumentException("unsupported or non-canonical ABI type: " + name);
  }

  private static boolean isWord(String name) {
    if ("address".equals(name) || "bool".equals(name)) {
      return true;
    }
    Matcher integer = Pattern.compile("u?int([0-9]+)").matcher(name);
    if (integer.matches()) {
      return sizeIn(integer.group(1), 8, 256) % 8 == 0;
    }
    Matcher fixedBytes = Pattern.compile("bytes([0-9]+)").matcher(name);
    return fixedBytes.matches() && sizeIn(fixedBytes.group(1), 1, 32) > 0;
  }

  /** The decimal size if it is canonical (no leading zero) and within bounds, else -1. */
  private static int sizeIn(String digits, int min, int max) {
    if (digits.length() > 3 || digits.startsWith("0")) {
      return -1;
    }
    int size = Integer.parseInt(digits);
    return size >= min && size <= max ? size : -1;
  }
}
