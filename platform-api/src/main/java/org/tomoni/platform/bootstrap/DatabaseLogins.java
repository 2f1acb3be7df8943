package org.tomoni.platform.bootstrap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the platform's database is and the two logins it uses: the owner (runs migrations and
 * grants) and the runtime role (serves every request; no privileges of its own, no BYPASSRLS).
 */
public record DatabaseLogins(String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    /** The runtime datasource, as Micronaut properties. */
    public Map<String, Object> runtimeDatasource(int poolSize) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("datasources.default.url", jdbcUrl);
        p.put("datasources.default.username", appUser);
        p.put("datasources.default.password", appPassword);
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.schema", DatabaseMigrator.SCHEMA);
        p.put("datasources.default.maximum-pool-size", poolSize);
        return p;
    }

    @Override
    public String toString() {
        return "DatabaseLogins[" + jdbcUrl + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
