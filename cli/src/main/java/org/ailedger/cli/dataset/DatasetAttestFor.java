package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.Accounts;
import org.ailedger.cli.client.ClientException;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.node.crypto.KeyPair;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.ailedger.types.Address;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "attest-for",
    mixinStandardHelpOptions = true,
    description = {
      "Relays a dataset attestation signed by its owner (EIP-712): the owner needs no transaction.",
      "Either give the owner's --signature, --owner and --deadline (see 'dataset sign-attestation'),",
      "or the owner's key (--owner-key / --owner-key-file) to sign here. The relayer is --key."
    })
final class DatasetAttestFor implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @Mixin ClaimOptions claimOptions;

  @Mixin OwnerKeyOptions ownerKey;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--owner",
      paramLabel = "ADDR",
      converter = Accounts.AddressConverter.class,
      description = "The owner who signed (required with --signature).")
  Address owner;

  @Option(
      names = "--signature",
      paramLabel = "0x…",
      description = "The owner's 65-byte signature r‖s‖v.")
  String signature;

  @Option(
      names = "--deadline",
      paramLabel = "UNIX",
      description =
          "Unix time after which the signature is void (default when signing here: one hour from now).")
  Long deadline;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    DatasetClaim claim = claimOptions.claim();
    Optional<KeyPair> signer = ownerKey.key();
    if (signature == null && signer.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "give the owner's --signature (with --owner and --deadline), or --owner-key/--owner-key-file to sign here");
    }
    if (signature != null && signer.isPresent()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--signature and an owner key are mutually exclusive: give one");
    }
    if (signature != null && (owner == null || deadline == null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--signature needs --owner and --deadline");
    }
    if (deadline != null && deadline < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--deadline is a unix time, not negative");
    }
    Bytes sig = signature == null ? null : parseSignature(signature);
    try (LedgerClient client = ledger.connect()) {
      ObjectNode result = claimOptions.describe(Output.object(), claim);
      Address ownerAddress;
      long expires;
      if (signer.isPresent()) {
        KeyPair key = signer.get();
        client.requireUsable(key);
        if (owner != null && !owner.equals(key.address())) {
          throw new ClientException(
              "--owner " + owner + " is not the owner key's address " + key.address());
        }
        ownerAddress = key.address();
        expires =
            deadline != null
                ? deadline
                : clock.instant().getEpochSecond()
                    + DatasetSignAttestation.DEFAULT_VALIDITY_SECONDS;
        BigInteger nonce = client.view(client.provenance().nonces(ownerAddress.toHexString()));
        sig =
            AttestationSigner.sign(
                    key, claim, UInt256.valueOf(nonce), UInt256.valueOf(expires), client.chainId())
                .signature();
        result.put("nonce", nonce);
      } else {
        ownerAddress = owner;
        expires = deadline;
      }
      String data =
          client
              .provenance()
              .attestFor(
                  ownerAddress.toHexString(),
                  claim.datasetId().toArray(),
                  claim.contentHash().toArray(),
                  claim.uri(),
                  claim.license(),
                  ClaimOptions.bytes(claim.parents()),
                  BigInteger.valueOf(expires),
                  sig.toArray())
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.DATA_PROVENANCE, data);
      result
          .put("owner", ownerAddress.toHexString())
          .put("relayer", client.sender().toHexString())
          .put("deadline", expires)
          .put("signature", sig.toHexString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }

  private Bytes parseSignature(String text) {
    if (!text.matches("0[xX][0-9a-fA-F]{130}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--signature is 0x and 130 hex digits (65 bytes r‖s‖v), got "
              + (text.length() > 140 ? text.substring(0, 140) + "…" : text));
    }
    return Bytes.fromHexString(text);
  }
}
