package org.fupin.rectification.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An allocation document (资金下达文件) as the fund events told it ({@code fund_document_rc}, migration V4). */
@Entity
@Table(name = "fund_document_rc")
public class FundDocumentReplicaRc {
    @Id
    public UUID id;
    @Column(name = "document_number")
    public String documentNumber;
    @Column(name = "document_date")
    public LocalDate documentDate;
    @Column(name = "document_year")
    public int documentYear;
    @Column(name = "issuing_region")
    public String issuingRegion;
    @Column(name = "county_code")
    public String countyCode;
    @Column(name = "fund_source")
    public String fundSource;
}
