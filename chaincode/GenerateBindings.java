import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;
import org.web3j.tx.Contract;

/**
 * Build step of the chaincode module, run by Maven in Java's source-file mode with web3j codegen on
 * the class path: generates one web3j binding class per ABI file, named after the file ({@code
 * Permissions.json} becomes {@code Permissions}). One JVM serves every file, and a new interface
 * needs no build change.
 *
 * <p>No contract binary is given, so the bindings have {@code load} but no {@code deploy}: native
 * contracts exist at fixed addresses and cannot be deployed.
 *
 * <p>Usage: {@code java -cp <codegen class path> GenerateBindings.java <abi dir> <out dir>
 * <package>}
 */
public final class GenerateBindings {
  private static final int ADDRESS_BYTES = 20;

  private GenerateBindings() {}

  public static void main(String[] args) throws IOException, ClassNotFoundException {
    if (args.length != 3) {
      System.err.println("usage: GenerateBindings <abi dir> <output dir> <package>");
      System.exit(2);
    }
    Path abiDir = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    String packageName = args[2];

    List<Path> abis;
    try (Stream<Path> files = Files.list(abiDir)) {
      abis = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (abis.isEmpty()) {
      System.err.println("GenerateBindings: no ABI files in " + abiDir);
      System.exit(1);
    }

    // Only the current ABIs may have bindings: a removed interface must not leave a class behind.
    Path packageDir = outDir.resolve(packageName.replace('.', '/'));
    if (Files.isDirectory(packageDir)) {
      try (Stream<Path> old = Files.list(packageDir)) {
        for (Path stale : old.filter(f -> f.toString().endsWith(".java")).toList()) {
          Files.delete(stale);
        }
      }
    }

    // codegen narrates each file on standard output; one summary line says the same
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      for (Path abi : abis) {
        new SolidityFunctionWrapperGenerator(
                null,
                abi.toFile(),
                outDir.toFile(),
                contractName(abi),
                packageName,
                true,
                false,
                false,
                Contract.class,
                ADDRESS_BYTES,
                false)
            .generate();
      }
    } finally {
      System.setOut(out);
    }
    out.println(
        "GenerateBindings: wrote "
            + abis.size()
            + " binding(s) in "
            + packageName
            + ": "
            + String.join(", ", abis.stream().map(GenerateBindings::contractName).toList()));
  }

  private static String contractName(Path abi) {
    String fileName = abi.getFileName().toString();
    return fileName.substring(0, fileName.length() - ".json".length());
  }
}
