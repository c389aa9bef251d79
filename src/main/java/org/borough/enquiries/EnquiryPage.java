// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.enquiries;

import java.util.List;
import org.borough.cases.CaseView;

/**
 * An enquiry with what its page shows of the case: what was asked, where, and the case's public
 * history (its status changes and the notes written to the resident, the answer among them).
 */
public record EnquiryPage(
    Enquiry enquiry, String description, String address, List<CaseView.TimelineEntry> history) {}
