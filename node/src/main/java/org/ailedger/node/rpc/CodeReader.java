package org.ailedger.node.rpc;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The code at an address in the state of a block, for {@code eth_getCode}: EVM code as deployed;
 * native contracts answer a non-empty marker so that tools which check "is there a contract here"
 * before calling (ethers, web3j wrappers) accept them; empty for every other address.
 */
public interface CodeReader {
  Bytes code(Bytes32 stateRoot, Address address);
}
