package org.ailedger.node.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.ailedger.node.crypto.KeyFile;
import org.ailedger.node.crypto.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node key of a node started without one: kept in its data directory, as Besu keeps it. */
final class NodeKeys {
  private static final Logger LOG = LoggerFactory.getLogger(NodeKeys.class);

  static final String FILE_NAME = "key";

  private NodeKeys() {}

  static KeyPair loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return KeyFile.read(file);
    }
    KeyPair key = KeyPair.generate(new SecureRandom());
    KeyFile.write(file, key);
    LOG.info("Generated a node key in {} (address {})", file, key.address());
    return key;
  }
}
