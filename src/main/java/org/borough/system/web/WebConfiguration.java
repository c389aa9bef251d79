// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.webjars.WebJarVersionLocator;

/**
 * Serves GOV.UK Frontend's images from the webjar at the path its CSS expects, and keeps links in
 * pages cheap to build.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /**
   * Spring Boot adds a {@link ResourceUrlEncodingFilter} because webjars-locator-lite is present.
   * It runs every link of every page through the static-resource resolvers, which look each one up
   * on the classpath: a search page with 25 results spent about 20 ms of its time there. Pages link
   * to version-agnostic webjar paths, which the webjar resolver serves as they are, so the filter
   * has nothing to rewrite and is registered disabled. (Defining the bean also stops Boot from
   * adding its own.)
   */
  @Bean
  ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
    return new ResourceUrlEncodingFilter();
  }

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff(
      ResourceUrlEncodingFilter filter) {
    FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version("govuk-frontend");
    // Only images: the GDS Transport font is licensed for GOV.UK services, so borough.css
    // sets the council's own typeface and the font files are never served.
    registry
        .addResourceHandler("/assets/images/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/govuk-frontend/"
                + version
                + "/dist/govuk/assets/images/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
  }
}
