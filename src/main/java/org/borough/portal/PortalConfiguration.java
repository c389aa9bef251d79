// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

  /** Before Spring Security's chain (order -100), after character encoding. */
  static final int GUARD_ORDER = -110;

  @Bean
  FilterRegistrationBean<PortalGuard> portalGuard(
      PortalProperties properties, RateLimitBuckets buckets) {
    FilterRegistrationBean<PortalGuard> registration =
        new FilterRegistrationBean<>(new PortalGuard(properties, buckets));
    registration.addUrlPatterns("/portal", "/portal/*");
    registration.setOrder(GUARD_ORDER);
    return registration;
  }
}
