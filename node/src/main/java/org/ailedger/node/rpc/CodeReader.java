package org.ailedger.node.rpc;

import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * The code at an address, for {@code eth_getCode}. This chain has no deployed bytecode; native
 * contracts answer a non-empty marker so that tools which check "is there a contract here" before
 * calling (ethers, web3j wrappers) accept them. Empty for every other address.
 */
public interface CodeReader {
  Bytes code(Address address);
}
