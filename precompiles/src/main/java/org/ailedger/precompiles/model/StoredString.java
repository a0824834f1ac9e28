package org.ailedger.precompiles.model;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.ContractStorage;
import org.ailedger.precompiles.storage.StorageSlots;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A UTF-8 string in storage, laid out as Solidity lays out a {@code string} state variable, so
 * {@code eth_getStorageAt} readers decode it with the usual rules: under 32 bytes, the data
 * left-aligned in the slot with {@code 2 · length} in the lowest byte; otherwise {@code 2 · length
 * + 1} in the slot and the data in 32-byte chunks from {@code keccak256(slot)}.
 */
final class StoredString {
  private static final int WORD = 32;

  private StoredString() {}

  /** Writes {@code value} into a slot that holds no string yet (registry strings never change). */
  static void write(ContractStorage storage, Bytes32 slot, String value) {
    byte[] data = value.getBytes(StandardCharsets.UTF_8);
    if (data.length < WORD) {
      byte[] word = new byte[WORD];
      System.arraycopy(data, 0, word, 0, data.length);
      word[WORD - 1] = (byte) (2 * data.length);
      storage.store(slot, Bytes32.wrap(word));
      return;
    }
    storage.store(slot, UInt256.valueOf(2L * data.length + 1).toBytes());
    Bytes32 first = Keccak.hash(slot);
    for (int chunk = 0; chunk * WORD < data.length; chunk++) {
      byte[] word = new byte[WORD];
      int from = chunk * WORD;
      System.arraycopy(data, from, word, 0, Math.min(WORD, data.length - from));
      storage.store(StorageSlots.offset(first, chunk), Bytes32.wrap(word));
    }
  }

  /**
   * @throws IllegalStateException if the slot does not hold a string of at most {@code maxBytes}
   */
  static String read(ContractStorage storage, Bytes32 slot, int maxBytes) {
    Bytes32 head = storage.load(slot);
    if ((head.get(WORD - 1) & 1) == 0) {
      int length = (head.get(WORD - 1) & 0xFF) / 2;
      return new String(head.slice(0, length).toArrayUnsafe(), StandardCharsets.UTF_8);
    }
    UInt256 encoded = UInt256.fromBytes(head);
    if (!encoded.fitsInt() || (encoded.intValue() - 1) / 2 > maxBytes) {
      throw new IllegalStateException("corrupt string header " + head + " at slot " + slot);
    }
    int length = (encoded.intValue() - 1) / 2;
    Bytes32 first = Keccak.hash(slot);
    Bytes[] chunks = new Bytes[(length + WORD - 1) / WORD];
    for (int chunk = 0; chunk < chunks.length; chunk++) {
      chunks[chunk] = storage.load(StorageSlots.offset(first, chunk));
    }
    return new String(
        Bytes.concatenate(chunks).slice(0, length).toArrayUnsafe(), StandardCharsets.UTF_8);
  }
}
