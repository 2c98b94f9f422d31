"""The site stage: stories to pages (routes, plan, render); writing is done by digest.site.write."""
