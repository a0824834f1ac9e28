package org.ailedger.precompiles.provenance;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.storage.StorageSlots;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.MutableBytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A {@code string} in storage, laid out as Solidity lays it out so {@code eth_getStorageAt} reads
 * the same as for a Solidity contract:
 *
 * <ul>
 *   <li>up to 31 bytes: the bytes left-aligned in the slot, {@code 2 · length} in its last byte;
 *   <li>32 bytes or more: {@code 2 · length + 1} in the slot, the bytes from {@code
 *       keccak256(slot)} on, one word per 32 bytes, the last word zero-padded.
 * </ul>
 */
final class StoredString {
  private static final int WORD = 32;
  private static final int SHORT_MAX = WORD - 1;

  private StoredString() {}

  /**
   * Writes {@code text} into a string slot that holds nothing yet (DataProvenance never rewrites).
   */
  static void write(ContractStorage storage, Bytes32 slot, String text) {
    Bytes bytes = Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    int length = bytes.size();
    if (length == 0) {
      return;
    }
    if (length <= SHORT_MAX) {
      MutableBytes word = MutableBytes.create(WORD);
      word.set(0, bytes);
      word.set(WORD - 1, (byte) (2 * length));
      storage.store(slot, Bytes32.wrap(word));
      return;
    }
    storage.store(slot, UInt256.valueOf(2L * length + 1).toBytes());
    for (int i = 0; i * WORD < length; i++) {
      Bytes chunk = bytes.slice(i * WORD, Math.min(WORD, length - i * WORD));
      storage.store(StorageSlots.arrayElement(slot, i), Bytes32.rightPad(chunk));
    }
  }

  /**
   * @throws IllegalStateException if the slot does not hold a string of at most {@code maxBytes}
   */
  static String read(ContractStorage storage, Bytes32 slot, int maxBytes) {
    Bytes32 head = storage.load(slot);
    if ((head.get(WORD - 1) & 1) == 0) {
      int length = (head.get(WORD - 1) & 0xff) / 2;
      return new String(head.slice(0, length).toArrayUnsafe(), StandardCharsets.UTF_8);
    }
    UInt256 encoded = UInt256.fromBytes(head);
    if (!encoded.fitsLong() || (encoded.toLong() - 1) / 2 > maxBytes) {
      throw new IllegalStateException("corrupt string header " + head + " at slot " + slot);
    }
    int length = (int) ((encoded.toLong() - 1) / 2);
    MutableBytes bytes = MutableBytes.create(length);
    for (int i = 0; i * WORD < length; i++) {
      int size = Math.min(WORD, length - i * WORD);
      bytes.set(i * WORD, storage.load(StorageSlots.arrayElement(slot, i)).slice(0, size));
    }
    return new String(bytes.toArrayUnsafe(), StandardCharsets.UTF_8);
  }
}
