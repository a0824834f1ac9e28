package org.ailedger.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine;

/**
 * The id of a model or dataset as the user typed it: {@code 0x} and 64 hex digits as it is, any
 * other text as keccak256 of its UTF-8 bytes, so people can name things ("mnist-cnn") and still get
 * a 32-byte id. The text is kept so the command can show which id it became.
 */
public record LedgerId(Bytes32 value, Optional<String> text) {
  private static final Pattern FULL_HEX = Pattern.compile("0[xX][0-9a-fA-F]{64}");
  private static final Pattern HEX_LIKE = Pattern.compile("0[xX][0-9a-fA-F]*");

  public LedgerId {
    if (value == null || text == null) {
      throw new IllegalArgumentException("value and text are required");
    }
  }

  /**
   * Parses an id argument.
   *
   * @throws IllegalArgumentException for empty text, and for hex of the wrong length: a mistyped id
   *     must not silently become the hash of the typo
   */
  public static LedgerId parse(String argument) {
    if (argument == null || argument.isBlank()) {
      throw new IllegalArgumentException("an id is 0x and 64 hex digits, or a name to hash");
    }
    if (FULL_HEX.matcher(argument).matches()) {
      return new LedgerId(Bytes32.fromHexString(argument), Optional.empty());
    }
    if (HEX_LIKE.matcher(argument).matches()) {
      throw new IllegalArgumentException(
          "'"
              + argument
              + "' looks like a hex id but has "
              + (argument.length() - 2)
              + " hex digits, not 64");
    }
    return new LedgerId(keccak(argument), Optional.of(argument));
  }

  /** keccak256 of the UTF-8 bytes of {@code text}. */
  public static Bytes32 keccak(String text) {
    return Bytes32.wrap(Keccak.hash(text.getBytes(StandardCharsets.UTF_8)));
  }

  public byte[] bytes() {
    return value.toArray();
  }

  public String hex() {
    return value.toHexString();
  }

  /** How the id came about, e.g. {@code keccak256("mnist-cnn")}, for output next to the id. */
  public Optional<String> derivation() {
    return text.map(t -> "keccak256(\"" + t + "\")");
  }

  /** A message about this id, saying which name it was hashed from, if any. */
  public String explain(String message) {
    return text.map(t -> message + " (the id is keccak256(\"" + t + "\"))").orElse(message);
  }

  /** Puts the id under {@code field}, and how it was derived under {@code fieldSource}. */
  public ObjectNode describeAs(ObjectNode into, String field) {
    into.put(field, hex());
    derivation().ifPresent(d -> into.put(field + "Source", d));
    return into;
  }

  @Override
  public String toString() {
    return hex();
  }

  /** For picocli options. */
  public static final class Converter implements CommandLine.ITypeConverter<LedgerId> {
    @Override
    public LedgerId convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** Converts {@code --…-hash} options: exactly {@code 0x} and 64 hex digits. */
  public static final class HashConverter implements CommandLine.ITypeConverter<Bytes32> {
    @Override
    public Bytes32 convert(String value) {
      if (!FULL_HEX.matcher(value).matches()) {
        throw new CommandLine.TypeConversionException(
            "a hash is 0x and 64 hex digits, got '" + value + "'");
      }
      return Bytes32.wrap(Bytes.fromHexString(value));
    }
  }
}
