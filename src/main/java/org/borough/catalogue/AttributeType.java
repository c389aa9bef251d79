// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

/** The kinds of question a service can ask; names follow Open311's datatypes. */
public enum AttributeType {
  STRING("string"),
  TEXT("text"),
  NUMBER("number"),
  DATE("datetime"),
  SINGLE_VALUE_LIST("singlevaluelist"),
  MULTI_VALUE_LIST("multivaluelist");

  private final String open311;

  AttributeType(String open311) {
    this.open311 = open311;
  }

  /** The Open311 GeoReport v2 datatype name. */
  public String open311() {
    return open311;
  }

  public boolean hasValues() {
    return this == SINGLE_VALUE_LIST || this == MULTI_VALUE_LIST;
  }
}
