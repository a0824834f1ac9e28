package org.ailedger.node.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ailedger.evm.precompile.PrecompiledContract;
import org.ailedger.evm.precompile.StandardPrecompiles;
import org.apache.tuweni.bytes.Bytes;

/**
 * The standard precompiles, loaded on a thread of their own from the moment the node starts:
 * loading binds native libraries and reads the KZG setup, seconds that a node's start should not
 * wait for. A call that comes before the load is done waits for it.
 */
public final class BackgroundPrecompiles {
  private BackgroundPrecompiles() {}

  /** Cancun's precompiles by address number, their loading started now. */
  public static Map<Integer, PrecompiledContract> cancun() {
    return loading(StandardPrecompiles::cancun, 10);
  }

  static Map<Integer, PrecompiledContract> loading(
      Supplier<Map<Integer, PrecompiledContract>> load, int count) {
    CompletableFuture<Map<Integer, PrecompiledContract>> loaded = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                loaded.complete(load.get());
              } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
              }
            },
            "precompiles-loader");
    thread.setDaemon(true);
    thread.start();
    Map<Integer, PrecompiledContract> contracts = new HashMap<>();
    for (int address = 1; address <= count; address++) {
      contracts.put(address, new Deferred(loaded, address));
    }
    return Map.copyOf(contracts);
  }

  private record Deferred(CompletableFuture<Map<Integer, PrecompiledContract>> loaded, int address)
      implements PrecompiledContract {
    @Override
    public long gasRequirement(Bytes input) {
      return contract().gasRequirement(input);
    }

    @Override
    public Optional<Bytes> compute(Bytes input) {
      return contract().compute(input);
    }

    private PrecompiledContract contract() {
      // join() rethrows a failed load (a missing native library) as an unchecked exception
      PrecompiledContract contract = loaded.join().get(address);
      if (contract == null) {
        throw new IllegalStateException("no precompile at address " + address);
      }
      return contract;
    }
  }
}
