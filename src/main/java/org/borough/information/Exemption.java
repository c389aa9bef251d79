// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

/**
 * Why information is withheld: the FOI Act's exemptions (and its cost and vexatious refusals,
 * sections 12 and 14) and the EIR's exceptions that a council most often applies.
 */
public enum Exemption {
  S12(Regime.FOI, "s.12 Cost of compliance exceeds the appropriate limit"),
  S14(Regime.FOI, "s.14 Vexatious or repeated request"),
  S21(Regime.FOI, "s.21 Information accessible by other means"),
  S22(Regime.FOI, "s.22 Intended for future publication"),
  S30(Regime.FOI, "s.30 Investigations and proceedings"),
  S31(Regime.FOI, "s.31 Law enforcement"),
  S36(Regime.FOI, "s.36 Prejudice to the effective conduct of public affairs"),
  S38(Regime.FOI, "s.38 Health and safety"),
  S40(Regime.FOI, "s.40 Personal information"),
  S41(Regime.FOI, "s.41 Information provided in confidence"),
  S42(Regime.FOI, "s.42 Legal professional privilege"),
  S43(Regime.FOI, "s.43 Commercial interests"),
  R12_4_B(Regime.EIR, "reg 12(4)(b) Manifestly unreasonable"),
  R12_4_D(Regime.EIR, "reg 12(4)(d) Material still in the course of completion"),
  R12_4_E(Regime.EIR, "reg 12(4)(e) Internal communications"),
  R12_5_A(Regime.EIR, "reg 12(5)(a) Public safety"),
  R12_5_B(Regime.EIR, "reg 12(5)(b) The course of justice"),
  R12_5_E(Regime.EIR, "reg 12(5)(e) Commercial confidentiality"),
  R12_5_F(Regime.EIR, "reg 12(5)(f) Interests of the person who provided it"),
  R13(Regime.EIR, "reg 13 Personal data");

  private final Regime regime;
  private final String label;

  Exemption(Regime regime, String label) {
    this.regime = regime;
    this.label = label;
  }

  public Regime regime() {
    return regime;
  }

  public String label() {
    return label;
  }
}
