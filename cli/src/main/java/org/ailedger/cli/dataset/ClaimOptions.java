package org.ailedger.cli.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ailedger.cli.client.FileHashes;
import org.ailedger.cli.client.LedgerId;
import org.ailedger.precompiles.provenance.DatasetClaim;
import org.apache.tuweni.bytes.Bytes32;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What an attestation states about a dataset, shared by attest, attest-for and sign-attestation.
 */
final class ClaimOptions {
  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description =
          "New dataset id: 0x and 64 hex digits, or a name (its keccak256 becomes the id).")
  LedgerId dataset;

  @Option(
      names = "--content-file",
      paramLabel = "FILE",
      description = "The dataset's content (e.g. an archive); hashed with keccak256.")
  Path contentFile;

  @Option(
      names = "--content-hash",
      paramLabel = "0x…",
      converter = LedgerId.HashConverter.class,
      description = "keccak256 of the content, if already known.")
  Bytes32 contentHash;

  @Option(
      names = "--uri",
      paramLabel = "URI",
      defaultValue = "",
      description = "Where the dataset (or its description) lives.")
  String uri;

  @Option(
      names = "--license",
      paramLabel = "SPDX",
      defaultValue = "",
      description = "The dataset's licence, e.g. CC-BY-4.0.")
  String license;

  @Option(
      names = "--parent",
      paramLabel = "ID",
      converter = LedgerId.Converter.class,
      description = "A dataset this one was derived from; repeat for each (at most 16).")
  List<LedgerId> parents = new ArrayList<>();

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  DatasetClaim claim() {
    Bytes32 content = FileHashes.required(mixee, "content", contentFile, contentHash);
    return new DatasetClaim(
        dataset.value(), content, uri, license, parents.stream().map(LedgerId::value).toList());
  }

  /** The claim's fields for output, the dataset id with how it was derived. */
  ObjectNode describe(ObjectNode into, DatasetClaim claim) {
    dataset.describeAs(into, "datasetId");
    into.put("contentHash", claim.contentHash().toHexString())
        .put("uri", claim.uri())
        .put("license", claim.license());
    ArrayNode list = into.putArray("parents");
    claim.parents().forEach(p -> list.add(p.toHexString()));
    return into;
  }

  static List<byte[]> bytes(List<Bytes32> ids) {
    return ids.stream().map(Bytes32::toArray).toList();
  }
}
