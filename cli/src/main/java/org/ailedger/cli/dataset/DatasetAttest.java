package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.ailedger.cli.client.LedgerClient;
import org.ailedger.cli.client.LedgerOptions;
import org.ailedger.cli.client.Output;
import org.ailedger.cli.client.TransactionReport;
import org.ailedger.precompiles.NativeAddresses;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = {
      "Attests a dataset owned by the signer: its content hash, licence, location and parents.",
      "Give the content file itself: it is hashed with keccak256 here, nothing is uploaded."
    })
final class DatasetAttest implements Callable<Integer> {
  @Mixin LedgerOptions ledger;

  @Mixin ClaimOptions claimOptions;

  @Override
  public Integer call() {
    DatasetClaim claim = claimOptions.claim();
    try (LedgerClient client = ledger.connect()) {
      String data =
          client
              .provenance()
              .attest(
                  claim.datasetId().toArray(),
                  claim.contentHash().toArray(),
                  claim.uri(),
                  claim.license(),
                  ClaimOptions.bytes(claim.parents()))
              .encodeFunctionCall();
      TransactionReceipt receipt = client.send(NativeAddresses.DATA_PROVENANCE, data);
      ObjectNode result =
          claimOptions.describe(Output.object(), claim).put("owner", client.sender().toHexString());
      ledger.output().print(TransactionReport.describe(receipt, result));
    }
    return 0;
  }
}
