package org.ailedger.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ailedger.types.Keccak;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Keccak-256 of the sizes a block's execution and state commit hash most: a storage slot key (64
 * bytes: key and mapping slot), a trie leaf (~110 bytes) and a full branch node (532 bytes, four
 * permutations). The project's own sponge beside BouncyCastle's digest reused per thread, which is
 * what it replaced.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeccakBenchmark {
  @Param({"64", "110", "532"})
  public int size;

  private byte[] input;
  private final KeccakDigest digest = new KeccakDigest(256);

  @Setup(Level.Trial)
  public void fill() {
    input = new byte[size];
    new Random(size).nextBytes(input);
  }

  @Benchmark
  public byte[] ailedger() {
    return Keccak.hash(input);
  }

  @Benchmark
  public byte[] bouncyCastle() {
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
