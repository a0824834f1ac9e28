package org.ailedger.bench.reads;

import java.nio.charset.StandardCharsets;

/** The read calls the benchmark compares, each as the exact JSON-RPC body sent every time. */
public enum ReadCall {
  BLOCK_NUMBER("eth_blockNumber", "[]"),
  BALANCE("eth_getBalance", "[\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\",\"latest\"]"),
  BLOCK("eth_getBlockByNumber", "[\"latest\",false]");

  private final String method;
  private final String params;

  ReadCall(String method, String params) {
    this.method = method;
    this.params = params;
  }

  public String method() {
    return method;
  }

  byte[] body() {
    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
