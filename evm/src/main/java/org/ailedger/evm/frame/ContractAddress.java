package org.ailedger.evm.frame;

import org.ailedger.evm.hash.Keccak256;
import org.ailedger.evm.state.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The addresses CREATE and CREATE2 give a new contract. */
public final class ContractAddress {
  private ContractAddress() {}

  /** keccak256(RLP([sender, nonce]))[12:]. */
  public static Address ofCreate(Address sender, long nonce) {
    Bytes nonceRlp = rlpLong(nonce);
    Bytes payload = Bytes.concatenate(Bytes.of((byte) 0x94), sender.bytes(), nonceRlp);
    Bytes list = Bytes.concatenate(Bytes.of((byte) (0xc0 + payload.size())), payload);
    return new Address(Keccak256.hash(list).slice(12, 20).copy());
  }

  /** keccak256(0xff ++ sender ++ salt ++ keccak256(initCode))[12:]. */
  public static Address ofCreate2(Address sender, Bytes32 salt, Bytes32 initCodeHash) {
    Bytes preimage = Bytes.concatenate(Bytes.of((byte) 0xff), sender.bytes(), salt, initCodeHash);
    return new Address(Keccak256.hash(preimage).slice(12, 20).copy());
  }

  private static Bytes rlpLong(long value) {
    if (value == 0) {
      return Bytes.of((byte) 0x80);
    }
    if (value > 0 && value < 0x80) {
      return Bytes.of((byte) value);
    }
    Bytes minimal = Bytes.ofUnsignedLong(value).trimLeadingZeros();
    return Bytes.concatenate(Bytes.of((byte) (0x80 + minimal.size())), minimal);
  }
}
