package org.ailedger.node.tx;

/** The transaction envelopes the chain accepts. */
public enum TransactionType {
  /** Untyped RLP list; EIP-155 replay protection required on this chain. */
  LEGACY(-1),
  /** EIP-2930 envelope, type byte 0x01. */
  ACCESS_LIST(0x01),
  /** EIP-1559 envelope, type byte 0x02. */
  EIP1559(0x02);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The EIP-2718 type byte, or -1 for legacy transactions. */
  public int typeByte() {
    return typeByte;
  }

  /** The JSON-RPC {@code type} field value: 0 for legacy. */
  public int rpcType() {
    return typeByte < 0 ? 0 : typeByte;
  }
}
