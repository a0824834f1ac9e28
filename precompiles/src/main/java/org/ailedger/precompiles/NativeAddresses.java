package org.ailedger.precompiles;

import org.ailedger.types.Address;

/** The fixed addresses of the native contracts, as the product design assigns them. */
public final class NativeAddresses {
  public static final Address PERMISSIONS = Address.of(0x1000);
  public static final Address MODEL_REGISTRY = Address.of(0x1001);
  public static final Address DATA_PROVENANCE = Address.of(0x1002);
  public static final Address CONTRIBUTION_TOKEN = Address.of(0x1003);
  public static final Address QUADRATIC_GOVERNOR = Address.of(0x1004);

  private NativeAddresses() {}
}
