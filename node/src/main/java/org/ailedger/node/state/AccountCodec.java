package org.ailedger.node.state;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.rlp.RLP;

/**
 * The state-trie encodings: accounts as RLP([nonce, balance, storageRoot, codeHash]), slots as
 * RLP(trimmed word).
 */
final class AccountCodec {
  private AccountCodec() {}

  static Bytes encode(Account account) {
    return RLP.encodeList(
        w -> {
          w.writeLong(account.nonce());
          w.writeUInt256(account.balance());
          w.writeValue(account.storageRoot());
          w.writeValue(account.codeHash());
        });
  }

  static Account decode(Bytes rlp) {
    return RLP.decodeList(
        rlp,
        r ->
            new Account(
                r.readLong(),
                r.readUInt256(),
                Bytes32.wrap(r.readValue()),
                Bytes32.wrap(r.readValue())));
  }

  static Bytes encodeSlotValue(Bytes32 value) {
    return RLP.encodeValue(value.trimLeadingZeros());
  }

  static Bytes32 decodeSlotValue(Bytes rlp) {
    return Bytes32.leftPad(RLP.decodeValue(rlp));
  }
}
