package org.ailedger.precompiles.provenance;

import java.nio.charset.StandardCharsets;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.types.Address;
import org.ailedger.types.Keccak;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The EIP-712 signing domain of DataProvenance. Binding a signature to the chain id and the
 * contract address means an attestation signed for one chain (say a test network) cannot be
 * replayed on another, nor against some other contract that happens to share the type.
 *
 * @param chainId the chain id from genesis, as {@code uint256}
 */
public record Eip712Domain(String name, String version, long chainId, Address verifyingContract) {
  /** The canonical encoding of the domain type, in the field order EIP-712 prescribes. */
  public static final String TYPE =
      "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

  public static final Bytes32 TYPE_HASH = keccak(utf8(TYPE));

  public static final String NAME = "AI Contribution Ledger";
  public static final String VERSION = "1";

  private static final Bytes PREFIX = Bytes.fromHexString("0x1901");

  public Eip712Domain {
    if (name == null || version == null || verifyingContract == null) {
      throw new IllegalArgumentException("name, version and verifying contract are required");
    }
    if (chainId < 0) {
      throw new IllegalArgumentException("chain id < 0: " + chainId);
    }
  }

  /** DataProvenance's domain on the chain with {@code chainId}. */
  public static Eip712Domain provenance(long chainId) {
    return new Eip712Domain(NAME, VERSION, chainId, NativeAddresses.DATA_PROVENANCE);
  }

  /** {@code hashStruct(domain)}, what {@code DOMAIN_SEPARATOR()} answers. */
  public Bytes32 separator() {
    return keccak(
        Bytes.concatenate(
            TYPE_HASH,
            keccak(utf8(name)),
            keccak(utf8(version)),
            UInt256.valueOf(chainId).toBytes(),
            verifyingContract.toWord()));
  }

  /** The 32 bytes a wallet signs: {@code keccak256(0x1901 ‖ domainSeparator ‖ structHash)}. */
  public Bytes32 digest(Bytes32 structHash) {
    return keccak(Bytes.concatenate(PREFIX, separator(), structHash));
  }

  static Bytes32 keccak(Bytes data) {
    return Keccak.hash(data);
  }

  static Bytes utf8(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
