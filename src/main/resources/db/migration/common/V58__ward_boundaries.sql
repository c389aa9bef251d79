-- Ward boundaries (places.WardBoundaries), loaded from the council's GeoJSON (ONS or OS boundary
-- files): each ward's outline as WKT in WGS84 longitude/latitude, with its bounding box. A case's
-- ward is the ward whose outline holds its point; a point in none is outside the council's area.
-- No boundaries loaded means the council has not given any: wards stay as typed.
create table ward_boundary (
  gss_code       varchar(9) primary key references ward (gss_code),
  outline        text not null,
  min_latitude   numeric(9, 6) not null,
  min_longitude  numeric(9, 6) not null,
  max_latitude   numeric(9, 6) not null,
  max_longitude  numeric(9, 6) not null,
  source         varchar(200) not null,
  loaded_at      timestamp with time zone not null
);
